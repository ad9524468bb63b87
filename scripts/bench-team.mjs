// Team sync's benchmark rows (issue #25), against the local sync server (scripts/sync-server.mjs in its
// own process) with staff profiles joined through the options page (scripts/team.mjs):
// - a second profile converging after one staff member changed 100 cases (from the first change to
//   the second profile's ledger holding all 100; runs asked for at once, as a sidebar being opened
//   does: by itself a profile runs every 30 s, or every 15 s while a sidebar shows);
// - the initial sync of 10,000 cases into an empty profile (join click → ledger complete);
// - the page ratio with sync on (cases shared) ÷ sync off: the 200-row 千牛 list, interleaved;
// - 1,000 conflicting revisions of one case written to the server: the next run, and a claim of it pushed.
// Run alone: `node scripts/bench-team.mjs [--runs N] [--conflicts]` (builds first; `--conflicts`: only
// the conflicts row); `npm run bench` includes it.
import { execSync } from 'node:child_process';
import path from 'node:path';
import { casesBackup, demoTeam, joinTeam, settled, staffBrowser, syncNow } from './team.mjs';
import { loadPage } from './bench-page.mjs';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const send = (page, message) => page.evaluate((m) => chrome.runtime.sendMessage(m), message);
const count = (page, query) =>
  page.evaluate(`new Promise((resolve) => {
    const req = indexedDB.open('aftersales-radar');
    req.onsuccess = () => {
      const r = req.result.transaction('cases').objectStore('cases').getAll();
      r.onsuccess = () => { resolve(r.result.filter(${query}).length); req.result.close(); };
    };
  })`);

async function until(fn, timeout = 120_000) {
  const end = Date.now() + timeout;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('bench-team: timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * 1,000 conflicting revisions of one case written straight to the server (as if replicated from as many
 * clients: `new_edits: false`), by a member's credentials over HTTP; then the time until a staff
 * browser's next run has settled (its status shown again), and until its claim of that case is on the
 * server (the claim pushed after the merge), medians of `runs` rounds, each with a fresh flood.
 */
async function conflictFlood({ team, b, runs, log }) {
  log('team: 1,000 conflicting revisions of one case…');
  const { username, password } = team.xiaowang('小王');
  const base = `${team.server.url}/${team.database}`;
  const headers = {
    authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
    'content-type': 'application/json',
  };
  const post = async (path, body) => {
    const res = await fetch(`${base}/${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`bench-team: ${path} HTTP ${res.status}`);
    return res.json();
  };
  const at = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
  const sync = [];
  const claim = [];
  for (let run = 0; run < runs; run++) {
    const key = `taobao:${810000000000000 + run}`;
    await send(b.options, { type: 'data/import', text: JSON.stringify(casesBackup(1, 810000000000000 + run)) });
    await post('_bulk_docs', {
      new_edits: false,
      docs: Array.from({ length: 1000 }, (_, i) => ({
        _id: `case:${key}`,
        _rev: `1-${(i + 1).toString(16).padStart(32, '0')}`,
        type: 'case',
        key,
        claims: { [`同事${i % 12}`]: { value: true, at } },
      })),
    });
    let started = Date.now();
    await syncNow(b.options);
    sync.push(Date.now() - started);
    started = Date.now();
    await send(b.options, { type: 'case/staff', key, claim: true });
    await until(async () => {
      await syncNow(b.options);
      const res = await post('_all_docs?include_docs=true', { keys: [`case:${key}`] });
      return !!res.rows[0]?.doc?.claims?.['小李']?.value;
    });
    claim.push(Date.now() - started);
  }
  return { conflicts1000SyncMs: Math.round(median(sync)), conflicts1000ClaimMs: Math.round(median(claim)) };
}

export async function benchTeam({ backend, extensionPath, runs = 3, log = console.error, only }) {
  const team = await demoTeam(extensionPath);
  const { server } = team;
  const ext = team.extensionPath;
  const opened = [];
  const open = async (who) => {
    const b = await staffBrowser({ extensionPath: ext, backendPort: backend.port, staff: who });
    opened.push(b);
    return b;
  };
  try {
    const a = await open(team.xiaowang('小王'));
    const b = await open(team.xiaoli('小李'));
    const conflicts = await conflictFlood({ team, b, runs, log });
    if (only === 'conflicts') return { ...conflicts, runs };
    // 1. 100 cases changed in A, converged in B.
    log('team: converge after 100 changes…');
    await send(a.options, { type: 'data/import', text: JSON.stringify(casesBackup(100, 800000000000000)) });
    await syncNow(a.options);
    await until(
      async () => (await syncNow(b.options)) && (await count(b.options, "(c) => c.disputeId.startsWith('8')")) === 100,
    );
    const converge = [];
    for (let run = 0; run < runs; run++) {
      const note = `第${run + 1}轮备注`;
      const started = Date.now();
      for (let i = 0; i < 100; i++)
        await send(a.options, { type: 'case/staff', key: `taobao:${800000000000000 + i}`, note });
      await syncNow(a.options);
      await until(async () => {
        await syncNow(b.options);
        return (await count(b.options, `(c) => c.staff?.note === ${JSON.stringify(note)}`)) === 100;
      });
      converge.push(Date.now() - started);
    }
    // 2. 10,000 cases into an empty profile.
    log('team: initial sync of 10,000 cases…');
    await send(a.options, { type: 'data/import', text: JSON.stringify(casesBackup(10_000)) });
    await until(
      async () =>
        (await syncNow(a.options)) === 'synced' &&
        (await a.options.getByTestId('sync-state').textContent()).includes('已同步'),
    );
    const c = await staffBrowser({ extensionPath: ext, backendPort: backend.port });
    opened.push(c);
    const started = Date.now();
    await joinTeam(c.options, team.xiaoli('小李（新电脑）'), { wait: false });
    await until(async () => (await count(c.options, "(c) => c.disputeId.startsWith('7')")) >= 10_000, 300_000);
    const initial = Date.now() - started;
    await settled(c.options);
    // 3. The page ratio, sync on (B, cases shared) ÷ off (a profile that never joined).
    log('team: page ratio with sync on…');
    const off = await staffBrowser({ extensionPath: ext, backendPort: backend.port });
    opened.push(off);
    const on = [];
    const without = [];
    for (let run = 0; run < runs + 2; run++)
      for (const [ctx, into] of run % 2
        ? [
            [b.context, on],
            [off.context, without],
          ]
        : [
            [off.context, without],
            [b.context, on],
          ]) {
        const { page, probe } = await loadPage(ctx, 200, true);
        into.push(probe.rowsAt);
        await page.close();
      }
    return {
      convergeAfter100Ms: Math.round(median(converge)),
      initial10kMs: initial,
      pageRatioSyncOn: Math.round((median(on) / median(without)) * 1000) / 1000,
      ...conflicts,
      runs,
    };
  } finally {
    for (const b of opened) await b.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const { startDemoBackend } = await import('./demo-backend/server.mjs');
  execSync('npx wxt build', { cwd: root, stdio: 'ignore' });
  const backend = await startDemoBackend();
  const runsAt = process.argv.indexOf('--runs');
  try {
    const figures = await benchTeam({
      backend,
      extensionPath: path.join(root, '.output/chrome-mv3'),
      runs: runsAt > 0 ? Number(process.argv[runsAt + 1]) : 3,
      ...(process.argv.includes('--conflicts') ? { only: 'conflicts' } : {}),
    });
    console.log(JSON.stringify(figures, null, 2));
  } finally {
    await backend.close();
  }
}
