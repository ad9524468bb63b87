// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/page/read';
import { FIXTURE_NAMES, fixtureDocument, loadFixture } from '../fixtures';
import { addWhitespace, gridToTable, reverseColumns, scrambleClasses, swapColons, wrapEverything } from './mutate';

// Demo markup, known to the test only: where the header and the row cells are.
const QN = {
  head: '[class^="refund-list_head__"]',
  row: '[class^="refund-list_row__"]',
  top: '[class^="refund-list_row-top__"]',
  body: '[class^="refund-list_row-body__"]',
};
const R2 = { head: '.thead', row: 'table.mod-dispute-body tr' };

const isQnList = (n: string) => /^(refund|exchange|postage)-list\./.test(n);
const isR2List = (n: string) => n.startsWith('refund2-list');

type Mutation = [string, (doc: Document, name: string) => void, (name: string) => boolean];
const MUTATIONS: Mutation[] = [
  ['class names scrambled', (d) => scrambleClasses(d), () => true],
  ['extra wrapper elements', (d) => wrapEverything(d), () => true],
  ['full-width and half-width colons swapped', (d) => swapColons(d), () => true],
  ['extra whitespace and line breaks', (d) => addWhitespace(d), () => true],
  [
    'columns reordered',
    (d, n) => (isQnList(n) ? reverseColumns(d, QN.head, QN.body) : reverseColumns(d, R2.head, R2.row)),
    (n) => isQnList(n) || isR2List(n),
  ],
  ['div grid rewritten as a table', (d) => gridToTable(d, QN.head, QN.row, QN.top, QN.body), isQnList],
  [
    'all of it at once',
    (d, n) => {
      if (isQnList(n)) gridToTable(d, QN.head, QN.row, QN.top, QN.body);
      scrambleClasses(d);
      wrapEverything(d);
      swapColons(d);
      addWhitespace(d);
    },
    () => true,
  ],
];

describe('a redesigned page reads exactly as the original', () => {
  const cases = FIXTURE_NAMES.flatMap((name) =>
    MUTATIONS.filter(([, , applies]) => applies(name)).map(([what, fn]) => [name, what, fn] as const),
  );
  it.each(cases)('%s, %s', (name, _what, mutate) => {
    const f = loadFixture(name);
    const opts = { url: f.url, now: f.capturedAt };
    const original = readPage(fixtureDocument(f.html), opts);
    const doc = fixtureDocument(f.html);
    mutate(doc, name);
    const mutated = readPage(doc, opts);
    expect(mutated).toEqual(original);
  });
});
