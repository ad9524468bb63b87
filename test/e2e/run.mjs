// End-to-end tests: the built extension in real headless Chromium against the demo seller backend.
//   node test/e2e/run.mjs [--shots DIR] [AREA …]
// With no AREA, every area runs in one browser session, in the order below; name one or more areas
// (e.g. `node test/e2e/run.mjs reading badges`) to run only those. E2E_ONLY=<regex> narrows to checks
// whose name matches. Ends with one line "N passed, N failed" and writes DIR/e2e-result.json.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, setup } from './harness.mjs';

/**
 * The areas, in the order a full run takes them. Each starts from wherever the one before left the
 * page and fills the ledger itself when run alone. Badges run late: the sale-day list's 120 synthetic
 * cases would crowd the ledger the other areas reason about. Hardening runs last: its final check
 * covers the console errors of the whole run.
 */
export const AREAS = [
  'reading',
  'replies',
  'sidebar',
  'ledger',
  'popup',
  'options',
  'day',
  'badges',
  'a11y',
  'team',
  'team-hostile',
  'welcome',
  'shops',
  'store',
  'hardening',
];

const argv = process.argv.slice(2);
const shotsArg = argv.indexOf('--shots');
const shotsDir = path.resolve(ROOT, shotsArg >= 0 ? argv[shotsArg + 1] : '.ci-out/e2e');
const named = argv.filter((a, i) => !a.startsWith('--') && (shotsArg < 0 || i !== shotsArg + 1));
const unknown = named.filter((a) => !AREAS.includes(a));
if (unknown.length) {
  console.error(`unknown area: ${unknown.join(', ')} (areas: ${AREAS.join(', ')})`);
  process.exit(2);
}
const chosen = named.length ? AREAS.filter((a) => named.includes(a)) : AREAS;

const session = await setup({ shotsDir });
console.log('e2e: real extension in Chromium against the demo seller backend');
try {
  for (const area of chosen) {
    console.log(`\n${area}`);
    const { default: runArea } = await import(`./areas/${area}.mjs`);
    // A check's failure is its own; a failure between checks (an area's set-up) is counted as one too.
    await runArea(session).catch((e) => {
      session.run.results.push({ name: `${area}: set-up`, ok: false, ms: 0, error: String(e?.stack ?? e) });
      console.log(`  ✗ ${area}: set-up\n    ${String(e?.message ?? e)}`);
    });
  }
} finally {
  await session.browser.close();
  await session.backend.close();
}

const { results } = session.run;
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
fs.writeFileSync(
  path.join(shotsDir, 'e2e-result.json'),
  JSON.stringify({ areas: chosen, passed, failed, results }, null, 2),
);
console.log(`screenshots: ${shotsDir}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
