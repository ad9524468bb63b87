// Renders the fixture apps in scripts/library-fixtures/ with the real component libraries (@alifd/next,
// antd 5) under React in headless Chromium, and saves what they drew to test/fixtures/library/: one
// .html per shape plus a .json of the cases it shows. Offline: everything comes from node_modules
// (esbuild bundles the apps; the page's URL is served from memory, no request leaves the machine).
//   node scripts/render-library-fixtures.mjs [name…]
// It checks each page against the structure the library is known to render (see the CHECKS below) and
// fails rather than save a page whose shape drifted.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath } from './chromium.mjs';
import { bundleReact } from './demo-backend/fusion/bundle.mjs';
import { EXCHANGES, REFUNDS, URLS } from './library-fixtures/data.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'scripts', 'library-fixtures');
const OUT = path.join(ROOT, 'test', 'fixtures', 'library');
const require = createRequire(import.meta.url);
const version = (name) => require(`${name}/package.json`).version;

const REFUND_FIELDS = [
  'disputeId',
  'orderId',
  'buyerNick',
  'item',
  'refundYuan',
  'appliedAt',
  'statusText',
  'countdown',
];
const GROUP_FIELDS = ['disputeId', 'orderId', 'appliedAt', 'buyerNick', 'item', 'refundYuan', 'refundType'];

/** Checks run in the page: [description, function returning true when the shape is right]. */
const CHECKS = {
  table: [['one body row per record', (n) => document.querySelectorAll('#root tbody tr.next-table-row').length === n]],
  fixed: [
    ['root has next-table-fixed', () => !!document.querySelector('#root .next-table.next-table-fixed')],
    ['header in its own table', () => !!document.querySelector('.next-table-header table > thead')],
    ['body in its own table', () => !!document.querySelector('.next-table-body table > tbody tr.next-table-row')],
    ['no thead in the body table', () => !document.querySelector('.next-table-body thead')],
  ],
  lock: [
    ['root has next-table-lock', () => !!document.querySelector('#root .next-table-lock')],
    ['left lock copy', () => !!document.querySelector('.next-table-lock-left[aria-hidden="true"] tbody tr')],
    ['right lock copy', () => !!document.querySelector('.next-table-lock-right[aria-hidden="true"] tbody tr')],
    [
      'each id rendered twice',
      (n) => {
        const ids = [...document.querySelectorAll('#root td')]
          .map((td) => td.textContent)
          .filter((t) => /^2871/.test(t));
        return ids.length === 2 * n;
      },
    ],
  ],
  group: [
    ['root has next-table-group', () => !!document.querySelector('#root .next-table-group')],
    [
      'each record its own table',
      (n) => document.querySelectorAll('div.next-table-body > table.next-table-row[role="row"]').length === n,
    ],
    ['a group header per record', (n) => document.querySelectorAll('tr.next-table-group-header').length === n],
    [
      'group header: selection cell then td[colspan]',
      () =>
        [...document.querySelectorAll('tr.next-table-group-header')].every(
          (tr) =>
            tr.cells.length === 2 && tr.cells[0].querySelector('input[type="checkbox"]') && tr.cells[1].colSpan > 1,
        ),
    ],
    ['group footers', () => document.querySelectorAll('tr.next-table-group-footer').length === 2],
    ['header table separate', () => !!document.querySelector('.next-table-header table > thead')],
  ],
  twoRows: [['two header rows', () => document.querySelectorAll('#root thead > tr').length === 2]],
  antd: [['one antd row per record', (n) => document.querySelectorAll('#root tr.ant-table-row').length === n]],
};

const refundCase = (r, fields) => {
  const all = {
    disputeId: r.id,
    orderId: r.order,
    appliedAt: r.applied,
    buyerNick: r.buyer,
    item: r.item,
    refundYuan: r.amount,
    refundType: r.type,
  };
  const picked = Object.fromEntries(fields.map((f) => [f, all[f]]));
  return { ...picked, statusText: r.status, countdown: r.countdown, detailLink: r.link };
};

const FIXTURES = [
  { name: 'fusion-plain', app: 'fusion', records: REFUNDS, fields: REFUND_FIELDS, checks: ['table'] },
  { name: 'fusion-fixed-header', app: 'fusion', records: REFUNDS, fields: REFUND_FIELDS, checks: ['table', 'fixed'] },
  { name: 'fusion-lock', app: 'fusion', records: REFUNDS, fields: REFUND_FIELDS, checks: ['lock'] },
  { name: 'fusion-group-list', app: 'fusion', records: REFUNDS, fields: GROUP_FIELDS, checks: ['group'] },
  { name: 'fusion-group-list-onerun', app: 'fusion', records: REFUNDS, fields: GROUP_FIELDS, checks: ['group'] },
  {
    name: 'fusion-two-row-header',
    app: 'fusion',
    records: REFUNDS,
    fields: REFUND_FIELDS.filter((f) => f !== 'buyerNick'),
    checks: ['table', 'twoRows'],
  },
  {
    name: 'fusion-exchange',
    app: 'fusion',
    kind: 'exchange',
    records: EXCHANGES,
    fields: ['disputeId', 'orderId', 'buyerNick', 'item', 'appliedAt'],
    checks: ['table', 'fixed'],
  },
  { name: 'antd-two-row-header', app: 'antd', records: REFUNDS, fields: REFUND_FIELDS, checks: ['antd', 'twoRows'] },
];

const LIBS = {
  fusion: { entry: 'fusion-app.jsx', css: require.resolve('@alifd/next/dist/next.min.css'), lib: '@alifd/next' },
  antd: { entry: 'antd-app.jsx', css: null, lib: 'antd' },
};

const title = (kind) => (kind === 'exchange' ? '换货管理' : '退款管理');
const shell = (kind, body, comment = '', head = '') =>
  `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>千牛卖家工作台 - ${title(kind)}</title>${head}</head>\n` +
  `${comment}<body><div class="qn-layout_header__kd83J">千牛卖家工作台</div>` +
  `<main class="qn-layout_main__u2Hc0"><h1 class="refund-list_title__Pq0rT">${title(kind)}</h1>${body}</main></body></html>\n`;

async function renderOne(page, fixture, scripts) {
  const { lib, css } = LIBS[fixture.app];
  const kind = fixture.kind ?? 'refund';
  const url = `${URLS[kind]}?fixture=${fixture.name}`;
  // The stylesheet is in place before the app mounts: Fusion's lock measures the columns on mount.
  const head = css ? '<link rel="stylesheet" href="/__fixture/app.css">' : '';
  const html = shell(kind, '<div id="root"></div><script src="/__fixture/app.js"></script>', '', head);
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.pathname === '/__fixture/app.js')
      return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: scripts[fixture.app] });
    if (u.pathname === '/__fixture/app.css')
      return route.fulfill({ contentType: 'text/css', body: fs.readFileSync(css) });
    if (u.href.split('?')[0] === URLS[kind])
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto(url);
  await page.waitForSelector('#root table', { timeout: 10000 });
  // Layout settles: Fusion's lock measures rows after mount and resizes; let a few frames and timers pass.
  await page.evaluate(
    () => new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 400)),
  );
  const n = fixture.records.length;
  const failed = [];
  for (const group of fixture.checks)
    for (const [what, fn] of CHECKS[group]) if (!(await page.evaluate(fn, n))) failed.push(what);
  if (failed.length && process.env.FX_DEBUG) fs.writeFileSync(`/tmp/${fixture.name}.debug.html`, await page.content());
  if (failed.length) throw new Error(`${fixture.name}: shape check failed: ${failed.join('; ')}`);
  const root = await page.evaluate(() => document.querySelector('#root').outerHTML);
  const comment = `<!-- ${fixture.name}: rendered by scripts/render-library-fixtures.mjs with ${lib} ${version(lib)}, react ${version('react')} in Chromium -->\n`;
  fs.writeFileSync(path.join(OUT, `${fixture.name}.html`), shell(kind, root, comment));
  const expected = {
    fixture: `${fixture.name}.html`,
    url: URLS[kind],
    kind,
    library: `${lib} ${version(lib)}`,
    fields: fixture.fields,
    cases: fixture.records.map((r) => refundCase(r, fixture.fields)),
  };
  fs.writeFileSync(path.join(OUT, `${fixture.name}.json`), JSON.stringify(expected, null, 2) + '\n');
  console.log(`${fixture.name}: ${n} records, ${root.length} characters`);
}

async function main() {
  const only = process.argv.slice(2);
  const todo = FIXTURES.filter((f) => !only.length || only.includes(f.name));
  fs.mkdirSync(OUT, { recursive: true });
  const scripts = {};
  for (const app of new Set(todo.map((f) => f.app))) scripts[app] = await bundleReact(path.join(SRC, LIBS[app].entry));
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN'],
  });
  try {
    for (const fixture of todo) {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      try {
        await renderOne(page, fixture, scripts);
      } catch (e) {
        throw new Error(`${e.message}${errors.length ? `\npage errors: ${errors.join('\n')}` : ''}`, { cause: e });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
}

await main();
