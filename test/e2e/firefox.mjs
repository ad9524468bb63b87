// End-to-end checks in Firefox ESR (Debian's `firefox-esr`): the built MV2 add-on installed as a temporary
// add-on over Firefox's own WebDriver BiDi (puppeteer-core; no downloaded browser or driver), against the
// demo seller backend. What differs from Chromium is tested here: MV2, the sidebar's frame (Firefox gives a
// framed extension page no `tabs`: the sidebar learns its tab from the background and reaches the page
// through it), and `sidebar.html` framed by a page other than the seller page of its tab showing nothing.
//   npm run test:firefox            (builds the Firefox add-on first)
//   node test/e2e/firefox.mjs [--shots DIR]   (after `npx wxt build -b firefox`)
// E2E_ONLY=<regex> narrows to checks by name. Ends with "N passed, N failed" and writes DIR/e2e-firefox-result.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { startDemoBackend } from '../../scripts/demo-backend/server.mjs';
import { findFirefox } from '../../scripts/system-deps.mjs';
import { SELLER_HOSTS } from '../../scripts/chromium.mjs';
import { assert, assertEqual, badges, createRunner, M, pageIds, ROOT, sidebar, waitFor } from './harness.mjs';

const ADDON = path.join(ROOT, '.output', 'firefox-mv2');
const GECKO_ID = 'aftersales-radar@aftersales-radar.local';
/** A fixed moz-extension:// host, so the tests know the add-on's pages' addresses. */
const UUID = 'a1f2e3d4-0000-4000-8000-00000000a5a5';
const EXT = `moz-extension://${UUID}`;
/** A site that is not a seller page, served by the demo backend (a 404 page is enough to frame from). */
const OTHER_SITE = 'https://shop-tools.example';

const argv = process.argv.slice(2);
const shotsArg = argv.indexOf('--shots');
const shotsDir = path.resolve(ROOT, shotsArg >= 0 ? argv[shotsArg + 1] : '.ci-out/e2e-firefox');

/** The frame of `page` showing our sidebar page (Firefox lists extension frames as about:blank: ask each). */
export async function sidebarFrameOf(page, { anyFrame = false } = {}) {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (href.startsWith(`${EXT}/sidebar.html`) && (anyFrame || href.includes('ticket='))) return frame;
  }
  return undefined;
}

/** Open an add-on page in a tab: BiDi never reports a moz-extension:// load, so fire it and poll. */
async function openExtensionPage(browser, file) {
  const page = await browser.newPage();
  void page.goto(`${EXT}/${file}`).catch(() => undefined);
  await waitFor(
    () =>
      page
        .evaluate(() => location.href.startsWith('moz-extension://') && document.readyState === 'complete')
        .catch(() => false),
    { message: `${file} loaded` },
  );
  return page;
}

async function shot(page, name) {
  await page.bringToFront();
  await page.screenshot({ path: path.join(shotsDir, `firefox-${name}.png`) });
}

async function launch(port) {
  const executablePath = findFirefox();
  if (!executablePath)
    throw new Error('Firefox ESR not found: run `node scripts/system-deps.mjs` (apt-get install firefox-esr)');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'radar-firefox-home-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    acceptInsecureCerts: true, // the demo's self-signed certificate
    args: ['--remote-allow-system-access', '--width=1440', '--height=900'], // without it moz-extension:// pages cannot be opened
    defaultViewport: { width: 1440, height: 900 },
    env: { ...process.env, HOME: home, TZ: 'Asia/Shanghai' },
    extraPrefsFirefox: {
      // The counterpart of Chromium's --host-resolver-rules: the seller hosts (and one other site) to the demo's port.
      'network.dns.localDomains': [...SELLER_HOSTS, new URL(OTHER_SITE).host].join(','),
      'network.socket.forcePort': `443=${port}`,
      'network.trr.mode': 5,
      'network.http.http3.enable': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'intl.accept_languages': 'zh-CN',
    },
  });
  await browser.installExtension(ADDON);
  return { browser, home };
}

const run = createRunner();
fs.mkdirSync(shotsDir, { recursive: true });
if (!fs.existsSync(path.join(ADDON, 'manifest.json')))
  throw new Error('no build: run `npx wxt build -b firefox` first');
const backend = await startDemoBackend();
const { browser, home } = await launch(backend.port);
console.log('e2e: the built add-on in Firefox ESR against the demo seller backend');
try {
  const page = await browser.newPage();
  const inSidebar = async () => sidebar(page, await sidebarFrameOf(page));

  await run.check('a list is read: every row gets its badge, and the sidebar lists the page’s cases', async () => {
    await page.goto(`${M}/refund-list`);
    const last = await waitFor(
      async () => {
        const ids = (await pageIds(page)).sort();
        const b = (await badges(page)).sort();
        const s = await inSidebar();
        const same = (x) => JSON.stringify([...(x ?? [])].sort()) === JSON.stringify(ids);
        return ids.length > 0 && same(b) && same(s.ids) && { ids, s };
      },
      { message: 'badges and the sidebar to list the page’s cases', timeout: 30000 },
    );
    assert(last.ids.length >= 5, `cases read: ${last.ids.length}`);
    assert(!last.s.text.includes('正在读取页面'), 'the sidebar left 正在读取页面…');
    await shot(page, 'list');
  });

  await run.check('a row badge opens its case in the sidebar', async () => {
    const [id] = await badges(page);
    // Clicked where staff see it: a badge with no room on its line is only a dot drawn over the line's end,
    // outside its own (zero-wide) box, so the click goes to the dot's middle.
    const dot = await page.evaluate((id) => {
      const badge = document.querySelector(`aftersales-radar-badge[data-dispute-id="${id}"]`);
      badge.scrollIntoView({ block: 'center' });
      const r = badge.shadowRoot.querySelector('.chip').getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, id);
    await page.mouse.click(dot.x, dot.y);
    await waitFor(async () => (await inSidebar()).caseView === id, { message: 'the case view of the clicked badge' });
  });

  await run.check(
    'the sidebar collapses and opens (its button, the shortcut) and resizes; the page follows',
    async () => {
      await page.goto(`${M}/refund-list`);
      await waitFor(async () => (await inSidebar()).ids?.length, { message: 'the sidebar listing cases' });
      const frame = await sidebarFrameOf(page);
      const margin = () => page.evaluate(() => document.documentElement.style.marginRight);
      const wide = await margin();
      await frame.locator('button[aria-label="收起 Collapse"]').click();
      await waitFor(async () => (await inSidebar()).collapsed, { message: 'collapsed by its button' });
      await waitFor(async () => (await margin()) === '34px', {
        message: 'the page takes its width back but the tab’s',
      });
      await page.keyboard.down('Alt');
      await page.keyboard.down('Shift');
      await page.keyboard.press('KeyR');
      await page.keyboard.up('Shift');
      await page.keyboard.up('Alt');
      await waitFor(async () => !(await inSidebar()).collapsed, { message: 'opened by Alt+Shift+R' });
      await waitFor(async () => (await margin()) === wide, { message: `the page gives up ${wide} again` });
      // The separator's keys: each ArrowLeft widens the sidebar by 20 px.
      const again = await sidebarFrameOf(page);
      await again.locator('[role=separator]').click();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      const wider = `${parseInt(wide, 10) + 40}px`;
      await waitFor(async () => (await margin()) === wider, { message: `the page gives the sidebar ${wider}` });
      await page.reload();
      await waitFor(async () => (await margin()) === wider, { message: `${wider} remembered after a reload` });
      await waitFor(async () => (await inSidebar()).ids?.length, { message: 'the sidebar listing cases again' });
      const sep = await sidebarFrameOf(page);
      await sep.locator('[role=separator]').click();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await waitFor(async () => (await margin()) === wide, { message: 'back to the old width' });
    },
  );

  await run.check('a suggested reply goes into the detail page’s 留言 box', async () => {
    const c = backend.cases.find(
      (x) =>
        x.platform === 'taobao' && x.kind === 'refund' && x.status === 'WAIT_SELLER_AGREE' && x.reason === '质量问题',
    );
    await page.goto(`${M}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
    await waitFor(async () => (await inSidebar()).caseView === c.disputeId, { message: 'the detail’s case view' });
    const frame = await sidebarFrameOf(page);
    await frame.locator('[data-testid=replies] .ar-reply button:enabled').wait();
    const reply = await frame.evaluate(() => {
      const r = [...document.querySelectorAll('.ar-reply')].find((x) => !x.querySelector('button').disabled);
      return { id: r.dataset.replyId, text: r.querySelector('.ar-reply-text').textContent.trim() };
    });
    await frame.locator(`.ar-reply[data-reply-id="${reply.id}"] button`).click();
    await waitFor(
      () =>
        frame.evaluate(
          (id) => document.querySelector(`.ar-reply[data-reply-id="${id}"] [role=status]`)?.textContent,
          reply.id,
        ),
      { message: 'the sidebar’s answer' },
    ).then((said) => assert(said.includes('已插入'), `the sidebar says: ${said}`));
    const box = await page.evaluate(() => document.querySelector('textarea[aria-label="留言"]').value.trim());
    assertEqual(box, reply.text, 'the page’s 留言 box holds the reply');
    await shot(page, 'detail-reply');
  });

  await run.check(
    'sidebar.html framed by another site, or by a seller page’s own script, shows nothing of the ledger',
    async () => {
      const forged = '2b0f6a55-43c1-4c7e-9d1b-8f0a3c2e4d11';
      const frameIt = (p, hash) =>
        p.evaluate((src) => {
          const f = document.createElement('iframe');
          f.src = src;
          f.style.cssText = 'width:400px;height:600px';
          document.body.append(f);
        }, `${EXT}/sidebar.html${hash}`);
      const other = await browser.newPage();
      await other.goto(`${OTHER_SITE}/`).catch(() => undefined);
      for (const hash of ['', `#host=myseller.taobao.com&ticket=${forged}`]) await frameIt(other, hash);
      // A seller page's own script (or a third-party frame in it) cannot know the ticket either.
      await page.goto(`${M}/refund-list`);
      await waitFor(async () => (await inSidebar()).ids?.length, { message: 'our own sidebar working' });
      await frameIt(page, `#host=myseller.taobao.com&ticket=${forged}`);
      for (const p of [other, page]) {
        const framed = await waitFor(
          async () => {
            const all = [];
            for (const f of p.frames()) {
              const seen = await f
                .evaluate(() =>
                  location.href.includes('/sidebar.html')
                    ? { href: location.href, text: document.getElementById('app')?.textContent ?? '' }
                    : null,
                )
                .catch(() => null);
              if (seen) all.push({ frame: f, ...seen });
            }
            const forgedOnes = all.filter((x) => !x.href.includes('ticket=') || x.href.includes(forged));
            return (
              forgedOnes.length && forgedOnes.every((x) => x.text.includes('只在卖家后台页面中显示')) && forgedOnes
            );
          },
          { message: 'the framed sidebars refused', timeout: 15000 },
        );
        for (const x of framed) {
          assertEqual(
            await x.frame.evaluate(() => document.querySelectorAll('[data-dispute-id]').length),
            0,
            'no case shown',
          );
          // Asked straight, the background answers such a frame nothing either.
          const answer = await x.frame.evaluate(
            (t) =>
              browser.runtime
                .sendMessage({ type: 'cases/urgent', ticket: t })
                .catch((e) => ({ ok: false, error: String(e) })),
            forged,
          );
          assertEqual(answer.ok, false, `the background refused ${x.href}: ${JSON.stringify(answer).slice(0, 200)}`);
        }
      }
      await shot(other, 'framed-elsewhere');
      await other.close();
    },
  );

  await run.check('the popup lists the urgent queue from the ledger', async () => {
    const popup = await openExtensionPage(browser, 'popup.html');
    await waitFor(() => popup.evaluate(() => document.querySelectorAll('[data-group] [data-dispute-id]').length), {
      message: 'the popup’s queue',
    });
    await shot(popup, 'popup');
    await popup.close();
  });

  await run.check('options: the interface language switches at once, and the open sidebar follows', async () => {
    const options = await openExtensionPage(browser, 'options.html#shop');
    await options.locator('select[aria-label="界面语言 Language"]').fill('en');
    await waitFor(
      () => options.evaluate(() => [...document.querySelectorAll('h2')].some((h) => /^Shop/.test(h.textContent))),
      {
        message: 'the options page in English',
      },
    );
    await waitFor(
      async () => (await inSidebar()).text.includes('Collapse') || (await inSidebar()).text.includes('Read-only'),
      {
        message: 'the open sidebar in English',
      },
    );
    await shot(options, 'options');
    await options.locator('select[aria-label="界面语言 Language"]').fill('zh');
    await options.close();
  });
} finally {
  await browser.close().catch(() => undefined);
  await backend.close();
  fs.rmSync(home, { recursive: true, force: true });
}

const { results } = run;
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
fs.writeFileSync(path.join(shotsDir, 'e2e-firefox-result.json'), JSON.stringify({ passed, failed, results }, null, 2));
console.log(`screenshots: ${shotsDir}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
