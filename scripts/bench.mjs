// `npm run bench`: builds the production extension and measures it in real headless Chromium
// against the demo backend. Prints a table and writes test/bench/results.json. Figures over their
// budget (test/bench/budgets.json) are flagged; the benchmark reports, it does not fail.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startDemoBackend } from './demo-backend/server.mjs';
import { launchBrowser } from './chromium.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const budgets = JSON.parse(fs.readFileSync(path.join(root, 'test/bench/budgets.json'), 'utf8'));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

if (!process.argv.includes('--no-build')) execSync('npx wxt build', { cwd: root, stdio: 'ignore' });
const backend = await startDemoBackend();
const browser = await launchBrowser({ extensionPath: path.join(root, '.output/chrome-mv3'), port: backend.port });
const page = await browser.context.newPage();

/** Script time of the read that found all `rows` cases, per run. */
async function readTimes(rows) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`https://myseller.taobao.com/home.htm/trade-platform/refund-list?demoRows=${rows}&pageSize=${rows}&rerenderMs=600000`);
    const ms = await page.waitForFunction(
      (n) => {
        const full = performance.getEntriesByName('aftersales-radar:read').filter((e) => e.detail?.cases === n);
        return full.length ? full[0].duration : false;
      },
      rows,
      { timeout: 30000 },
    );
    times.push(await ms.jsonValue());
  }
  return times;
}

const results = { date: new Date().toISOString(), runs: RUNS, read: {} };
for (const rows of [50, 200, 1000]) {
  const t = await readTimes(rows);
  results.read[rows] = { medianMs: +median(t).toFixed(2), maxMs: +Math.max(...t).toFixed(2) };
}
await browser.close();
await backend.close();

const figures = [
  ['read 50 rows (median ms)', results.read[50].medianMs, undefined],
  ['read 200 rows (median ms)', results.read[200].medianMs, budgets.read200Ms.budget],
  ['read 1000 rows (median ms)', results.read[1000].medianMs, undefined],
  ['read, per row at 1000 vs 50 (ratio)', +((results.read[1000].medianMs / 1000) / (results.read[50].medianMs / 50)).toFixed(2), undefined],
  ['longest read, any size (ms)', Math.max(...Object.values(results.read).map((r) => r.maxMs)), budgets.readMaxTaskMs.budget],
];
results.figures = figures.map(([name, value, budget]) => ({ name, value, budget: budget ?? null, over: budget !== undefined && value > budget }));
console.log('\n| figure | value | budget |\n|---|---|---|');
for (const f of results.figures) console.log(`| ${f.name} | ${f.value} | ${f.budget ?? '—'}${f.over ? ' **OVER**' : ''} |`);
fs.writeFileSync(path.join(root, 'test/bench/results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\nwritten: test/bench/results.json');
