// axe-core (WCAG 2.1 A/AA and best practice) in a page or frame, for the accessibility checks of any area.
import fs from 'node:fs';
import path from 'node:path';
import { assert, ROOT } from './harness.mjs';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * axe's critical and serious findings in a page or frame (`include`: a selector limiting the check to
 * our own elements on a seller page), one line each: rule, impact, target, what to fix.
 */
export async function axeFindings(target, include) {
  // Evaluated over the protocol, as the ledger helper is: the extension's CSP forbids injected scripts.
  if (!(await target.evaluate(() => typeof window.axe === 'object'))) await target.evaluate(AXE);
  return target.evaluate(
    async ([sel, tags]) => {
      const result = await window.axe.run(sel ?? document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations
        .filter((v) => v.impact === 'critical' || v.impact === 'serious')
        .flatMap((v) =>
          v.nodes.map(
            (n) =>
              `${v.id} (${v.impact}) ${JSON.stringify(n.target)}: ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ')}`,
          ),
        );
    },
    [include ?? null, TAGS],
  );
}

export async function assertAccessible(target, what, include) {
  const found = await axeFindings(target, include);
  assert(found.length === 0, `${found.length} critical/serious axe findings on ${what}:\n${found.join('\n')}`);
}
