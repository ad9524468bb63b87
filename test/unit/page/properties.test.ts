// @vitest-environment happy-dom
// Property-based tests: whatever the page holds, reading never throws and never produces an
// invalid date, a negative or fractional amount, or a status outside the canonical list.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChinaTime, parseCountdown, parseMoneyFen } from '../../../lib/page/parse';
import { readPage } from '../../../lib/page/read';
import { LABEL_NAMES } from '../../../lib/page/vocabulary';
import { CASE_STATUSES, type PageReading } from '../../../lib/shared/types';
import { CASE_ID } from '../../../lib/shared/case-key';

const NOW = Date.UTC(2026, 10, 22, 7, 0, 0);
const RUNS = 300;

/** Text that looks like the seller backend: labels, colons, amounts, times, countdowns, noise. */
const pageText = fc.oneof(
  fc.constantFrom(...LABEL_NAMES).map((l) => `${l}：`),
  fc.constantFrom(
    '¥',
    '￥',
    '元',
    '还剩',
    '天',
    '时',
    '分',
    '秒',
    '超时',
    '自动同意',
    '已签收',
    '(售中)',
    '：',
    ':',
    '-',
    '/',
  ),
  fc.integer({ min: 0, max: 99999999999 }).map(String),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '2026-11-20 13:05:22',
    '2026/02/30 25:61',
    '9999-99-99 99:99',
    '11-20 13:05',
    '1,234,567.891元',
    '¥-12.00',
  ),
);

type Tree = { tag: string; text: string; kids: Tree[] };
const TAGS = ['div', 'span', 'li', 'ul', 'td', 'tr', 'table', 'dl', 'dt', 'dd', 'p', 'section', 'b'];
const treeAt = (depth: number): fc.Arbitrary<Tree> =>
  fc.record({
    tag: fc.constantFrom(...TAGS),
    text: fc.array(pageText, { maxLength: 4 }).map((a) => a.join('')),
    kids: depth === 0 ? fc.constant([]) : fc.array(treeAt(depth - 1), { maxLength: 4 }),
  });
const tree = treeAt(5);

function build(doc: Document, t: Tree, parent: Element): void {
  const el = doc.createElement(t.tag);
  if (t.text) el.appendChild(doc.createTextNode(t.text));
  for (const k of t.kids) build(doc, k, el);
  parent.appendChild(el);
}

function assertValid(r: PageReading): void {
  for (const c of r.cases) {
    expect(c.disputeId).toMatch(CASE_ID);
    expect(CASE_STATUSES).toContain(c.status);
    for (const f of ['refundFen', 'paidFen', 'postageFen'] as const) {
      if (c[f] !== undefined) expect(Number.isSafeInteger(c[f]) && c[f] >= 0, `${f}=${c[f]}`).toBe(true);
    }
    for (const t of [
      c.appliedAt,
      c.paidAt,
      c.shippedAt,
      c.signedAt,
      c.pageDeadline?.at,
      c.returnLogistics?.signedAt,
      ...(c.history ?? []).map((h) => h.at),
    ]) {
      if (t !== undefined) expect(Number.isFinite(Date.parse(t)), `date ${t}`).toBe(true);
    }
  }
}

const URLS = [
  'https://myseller.taobao.com/home.htm/trade-platform/refund-list',
  'https://qn.taobao.com/home.htm/trade-platform/refund-list/detail?disputeId=1',
  'https://refund2.tmall.com/dispute/sellerDisputeList.htm?type=1',
  'https://myseller.taobao.com/home.htm/some/new/page',
];

describe('reading random pages', () => {
  it(`never throws and never yields invalid values (${RUNS} random DOM trees × ${URLS.length} URLs)`, () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), fc.constantFrom(...URLS), (trees, url) => {
        const doc = document.implementation.createHTMLDocument('');
        for (const t of trees) build(doc, t, doc.body);
        assertValid(readPage(doc, { url, now: NOW }));
      }),
      { numRuns: RUNS },
    );
  });

  it('reads a deeply nested page (2,000 levels) and a huge one (20,000 nodes) without failing', () => {
    const doc = document.implementation.createHTMLDocument('');
    let el: Element = doc.body;
    for (let i = 0; i < 2000; i++) el = el.appendChild(doc.createElement('div'));
    el.textContent = '退款编号：123456789 退款金额：¥1.00';
    for (let i = 0; i < 20000; i++)
      doc.body.appendChild(doc.createElement('span')).textContent = i % 2 ? '售后状态：' : '¥9.99';
    const r = readPage(doc, { url: URLS[0]!, now: NOW });
    assertValid(r);
  });
});

describe('parsers on random text', () => {
  it(`money is never negative or fractional (${RUNS * 3} strings)`, () => {
    fc.assert(
      fc.property(
        fc.array(pageText, { maxLength: 6 }).map((a) => a.join('')),
        (s) => {
          const fen = parseMoneyFen(s);
          if (fen !== undefined) expect(Number.isSafeInteger(fen) && fen >= 0).toBe(true);
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it(`times and countdowns are valid instants or nothing (${RUNS * 3} strings)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pageText, { maxLength: 6 }).map((a) => a.join('')),
        ),
        (s) => {
          const t = parseChinaTime(s, NOW);
          if (t !== undefined) expect(Number.isFinite(Date.parse(t))).toBe(true);
          const cd = parseCountdown(s, NOW);
          if (cd) expect(Date.parse(cd.at)).toBeGreaterThanOrEqual(NOW - 1000);
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });
});
