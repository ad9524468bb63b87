// End-to-end area: Hardening: the built manifests, no network of our own, imported markup only as text, and (last, over the
// whole run) no scripted clicks, no submissions and no console errors.
import fs from 'node:fs';
import path from 'node:path';
import { assert, assertEqual, ROOT } from '../harness.mjs';

/** @param {import('../harness.mjs').Session} session */
export default async function hardeningArea({ run, context, extensionId, page, shotsDir, consoleErrors }) {
  await run.check(
    'the built manifests (Chrome and Firefox) ask for nothing beyond the documented list, expose only the sidebar page to seller pages, and keep the default CSP',
    async () => {
      for (const dir of ['chrome-mv3', 'firefox-mv2']) {
        const m = JSON.parse(fs.readFileSync(path.join(ROOT, '.output', dir, 'manifest.json'), 'utf8'));
        const hosts = [
          'https://myseller.taobao.com/*',
          'https://qn.taobao.com/*',
          'https://refund2.taobao.com/*',
          'https://refund2.tmall.com/*',
        ];
        const perms = dir === 'chrome-mv3' ? [...m.permissions] : m.permissions.filter((p) => !p.includes('://'));
        const hostPerms =
          dir === 'chrome-mv3' ? [...m.host_permissions] : m.permissions.filter((p) => p.includes('://'));
        assertEqual(perms.sort(), ['alarms', 'notifications', 'storage'], `${dir} permissions`);
        assertEqual(hostPerms.sort(), hosts, `${dir} hosts`);
        for (const cs of m.content_scripts) assertEqual([...cs.matches].sort(), hosts, `${dir} content script matches`);
        // The sidebar page is the one resource a page may load, and only a seller page.
        const war =
          dir === 'chrome-mv3'
            ? m.web_accessible_resources.map((w) => ({ resources: w.resources, matches: [...w.matches].sort() }))
            : m.web_accessible_resources;
        assertEqual(
          war,
          dir === 'chrome-mv3' ? [{ resources: ['sidebar.html'], matches: hosts }] : ['sidebar.html'],
          `${dir} web-accessible resources`,
        );
        // Team sync's server (off by default): exactly one optional host pattern, requested at run time for the
        // one origin staff enter; no all-URLs pattern anywhere else.
        const optional = dir === 'chrome-mv3' ? m.optional_host_permissions : m.optional_permissions;
        assertEqual(optional, ['*://*/*'], `${dir}: the one optional host pattern`);
        const text = JSON.stringify({ ...m, optional_host_permissions: undefined, optional_permissions: undefined });
        assert(!text.includes('<all_urls>') && !/\*:\/\/\*\//.test(text), `${dir}: no all-URLs pattern`);
        assert(
          m.content_security_policy === undefined,
          `${dir}: the default CSP is kept (${JSON.stringify(m.content_security_policy)})`,
        );
        assert(
          !m.externally_connectable && !m.update_url,
          `${dir}: nothing connects from outside, no remote update URL`,
        );
        for (const html of fs.readdirSync(path.join(ROOT, '.output', dir)).filter((f) => f.endsWith('.html'))) {
          const src = fs.readFileSync(path.join(ROOT, '.output', dir, html), 'utf8');
          assert(!/<script[^>]+src=["']https?:/i.test(src), `${dir}/${html}: no remote script`);
        }
      }
    },
  );

  await run.check(
    "the bundles make no network request of their own but team sync's (the response observer only reads the page's)",
    async () => {
      const dir = path.join(ROOT, '.output', 'chrome-mv3');
      const files = [];
      const walk = (d) =>
        fs
          .readdirSync(d, { withFileTypes: true })
          .forEach((e) =>
            e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.js') && files.push(path.join(d, e.name)),
          );
      walk(dir);
      const NETWORK =
        /\bfetch\s*\(|=\s*fetch\b|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts\s*\(|navigator\.connection/;
      const offenders = files.filter((f) => NETWORK.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(dir, f));
      // The background's is PouchDB's HTTP adapter: team sync, which sends nothing while it is off (the team area
      // counts the requests at the server).
      assertEqual(
        offenders.sort(),
        ['background.js', 'content-scripts/mtop-observer.js'],
        'only the observer and team sync touch the network APIs',
      );
      const observer = fs.readFileSync(path.join(dir, 'content-scripts/mtop-observer.js'), 'utf8');
      assert(
        !/\bfetch\s*\(\s*["'`]/.test(observer) && !/\.send\(/.test(observer),
        'the observer starts no request of its own',
      );
      // webextension-polyfill's own guard, in every copy of it: the extension's pages and background keep it,
      // the seller pages' content scripts take the browser's API (wxt.config.ts; these checks run on them).
      const POLYFILL = 'This script should only be loaded in a browser extension';
      const withPolyfill = files.filter((f) => fs.readFileSync(f, 'utf8').includes(POLYFILL));
      assert(withPolyfill.length > 0, 'the extension pages carry webextension-polyfill');
      assertEqual(
        withPolyfill.filter((f) => f.includes(`${path.sep}content-scripts${path.sep}`)),
        [],
        'no content script carries webextension-polyfill',
      );
    },
  );

  await run.check('an imported reply pack with markup shows only as text in the options page', async () => {
    const file = path.join(shotsDir, 'evil-pack.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        format: 'aftersales-radar/replies',
        version: 1,
        templates: [
          {
            id: 'evil',
            title: '<b onmouseover=alert(1)>标题</b>',
            category: 'greeting',
            body: '亲，您好 <img src=x onerror=alert(1)> <a href="javascript:alert(1)">点我</a> <style>body{display:none}</style>',
          },
        ],
      }),
    );
    const options = await context.newPage();
    const dialogs = [];
    options.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await options.goto(`chrome-extension://${extensionId}/options.html#replies`);
    await options.locator('#replies input[type=file]').setInputFiles(file);
    const item = options.locator('[data-reply-id="evil"]');
    await item.waitFor();
    assert((await item.textContent()).includes('<img src=x onerror=alert(1)>'), 'the markup is shown as text');
    assertEqual(
      await item.locator('img, a, style, [onmouseover], [onerror]').count(),
      0,
      'no element or handler made from it',
    );
    assertEqual(dialogs, [], 'no script ran');
    await options.close();
    fs.rmSync(file, { force: true });
  });

  await run.check('the extension clicked nothing on the page, submitted nothing, and logged no errors', async () => {
    const clicks = await page.evaluate(() => window.__demoClicks ?? []);
    assert(
      clicks.every((c) => c.trusted),
      `untrusted (scripted) clicks on the page: ${JSON.stringify(clicks.filter((c) => !c.trusted))}`,
    );
    assertEqual(await page.evaluate(() => window.__demoSubmits ?? []), [], 'form submissions');
    const errors = consoleErrors.filter((e) => !/favicon/.test(e.text));
    assertEqual(errors, [], 'console errors');
  });
}
