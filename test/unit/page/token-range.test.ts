// @vitest-environment happy-dom
// The token range search of a row or a card is told where the last one ended (hot loop, lib/page/
// tokens.ts): a right, wrong or missing hint must find the same range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectTokens, tokenRange, type TextIndex } from '../../../lib/page/tokens';
import { fixtureDocument } from '../fixtures';
import { CASES, LIST_FAMILIES, MUTATIONS, PLAIN, render } from './families';

function index(root: Element): TextIndex {
  const steps = collectTokens(root);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

describe('the token range of an element', () => {
  for (const family of LIST_FAMILIES) {
    it(`${family}: is the same whatever the hint says`, () => {
      const doc = fixtureDocument(`<html><body>${render(family, CASES, MUTATIONS[1] ?? PLAIN)}</body></html>`);
      const { tokens } = index(doc.body);
      const elements = [...doc.body.querySelectorAll('*')];
      // The plain search, as it was before hints: every token of the range lies inside the element.
      const expected = elements.map((el) => {
        const inside = tokens.flatMap((t, i) => (el.contains(t.node) ? [i] : []));
        return inside.length ? [inside[0]!, inside.at(-1)! + 1] : undefined;
      });
      fc.assert(
        fc.property(fc.nat(elements.length - 1), fc.integer({ min: -1, max: tokens.length + 1 }), (k, hint) => {
          const el = elements[k]!;
          const got = tokenRange(tokens, el, hint < 0 ? undefined : hint);
          if (expected[k]) expect(got).toEqual(expected[k]);
          else expect(got[1] - got[0]).toBe(0);
          // The hint a list passes along, the last element's end: right for the next row.
          expect(tokenRange(tokens, el, k > 0 ? tokenRange(tokens, elements[k - 1]!)[1] : 0)).toEqual(got);
        }),
        { numRuns: 300 },
      );
    });
  }
});
