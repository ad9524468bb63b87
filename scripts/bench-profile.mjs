// Who ran the script of one page load: a Chromium CPU profile of the page's renderer (all its worlds:
// the page's own, the content script's isolated world, the main-world observer), split by owner.
// A sample belongs to the script of its innermost frame that has an address, so the DOM calls a
// script makes (createElement, nextNode …) count for that script: chrome-extension:// is the
// extension, http(s) the page. A sample with no address on its stack is neither: idle, "(program)"
// (style, layout, paint, parsing), the garbage collector (reported apart: it collects both), and
// the benchmark's own probes (Playwright's injected scripts have no address).

/** Start sampling a page (before it navigates: the profile follows it into the page's renderer). */
export async function startProfile(cdp, intervalUs = 250) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
}

/**
 * Stop, and split the profile: script ms of the extension and of the page, garbage collection ms,
 * and the extension's longest run of script (consecutive samples of its own script, garbage
 * collection inside it included; a layout it forces counts, being a DOM call under its frames).
 */
export async function stopProfile(cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  return splitProfile(profile);
}

export function splitProfile({ nodes, samples, timeDeltas }) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ownerOf = new Map();
  for (const n of nodes) {
    let owner = 'none';
    for (let id = n.id; id !== undefined; id = parent.get(id)) {
      const { url } = byId.get(id).callFrame;
      if (!url) continue;
      owner = url.startsWith('chrome-extension://') ? 'extension' : /^https?:/.test(url) ? 'page' : 'none';
      break;
    }
    const leaf = n.callFrame.functionName;
    ownerOf.set(n.id, leaf === '(garbage collector)' ? 'gc' : leaf === '(idle)' ? 'idle' : owner);
  }
  const ms = { extension: 0, page: 0, gc: 0 };
  let longest = 0;
  let run = 0;
  for (let i = 0; i < samples.length; i++) {
    // Each sample stands for the time until the next one.
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    const owner = ownerOf.get(samples[i]);
    if (owner in ms) ms[owner] += dt;
    if (owner === 'extension' || (run && owner === 'gc')) longest = Math.max(longest, (run += dt));
    else run = 0;
  }
  return { extensionMs: ms.extension, pageMs: ms.page, gcMs: ms.gc, extensionLongestMs: longest };
}
