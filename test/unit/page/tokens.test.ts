// @vitest-environment happy-dom
// The text walk's hot loops (lib/page/tokens.ts): hidden subtrees are jumped over whole, and the
// token range search of a row or a card, told where the last one ended, finds the same range
// whether that hint is right, wrong or missing.
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

describe('the text walk', () => {
  it('leaves out hidden and non-text subtrees whole, however deep and however many pieces, and reads on after them', () => {
    const doc = fixtureDocument(
      `<html><body><div>退款编号：1001</div><select><option>仅退款</option><option>退货退款</option></select>` +
        `<div hidden><p>售后状态：退款成功</p><p><span>还剩</span><b>1天</b></p></div>` +
        `<svg><text>图标</text><text>二</text></svg><div>订单编号：2002</div></body></html>`,
    );
    expect(index(doc.body).tokens.map((t) => t.text)).toEqual(['退款编号:1001', '订单编号:2002']);
  });
});

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
