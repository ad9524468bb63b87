// @vitest-environment happy-dom
// The reader on tables as the real component libraries render them (Fusion `@alifd/next` under React:
// plain, fixed header, lock columns, list mode with GroupHeader and selection, two-row headers; antd's
// grouped columns), saved offline by `node scripts/render-library-fixtures.mjs` into test/fixtures/library/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskBuyer, parseMoneyFen } from '../../../lib/page/parse';
import { readPage } from '../../../lib/page/read';
import { fixtureDocument } from '../fixtures';

const DIR = join(process.cwd(), 'test', 'fixtures', 'library');
const NOW = Date.parse('2026-11-24T12:00:00+08:00');

interface Expected {
  fixture: string;
  url: string;
  fields: string[];
  cases: {
    disputeId: string;
    orderId?: string;
    appliedAt?: string;
    buyerNick?: string;
    item?: string;
    refundYuan?: string;
    refundType?: string;
    statusText: string;
    countdown: string | null;
  }[];
}

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && !f.startsWith('demo-'))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Expected);

describe('real component-library markup', () => {
  it('has fixtures of every family the issue names', () => {
    expect(fixtures.map((f) => f.fixture).sort()).toEqual(
      expect.arrayContaining([
        'antd-two-row-header.html',
        'fusion-fixed-header.html',
        'fusion-group-list-onerun.html',
        'fusion-group-list.html',
        'fusion-lock.html',
        'fusion-plain.html',
        'fusion-two-row-header.html',
      ]),
    );
  });

  for (const f of fixtures) {
    it(`${f.fixture}: every record once, every shown field as the library drew it, no drift warning`, () => {
      const rows: [string, { root: Element; anchor: Element }][] = [];
      const r = readPage(fixtureDocument(readFileSync(join(DIR, f.fixture), 'utf8')), { url: f.url, now: NOW, rows });
      expect(r.missing).toEqual([]);
      expect(r.cases.map((c) => c.disputeId)).toEqual(f.cases.map((c) => c.disputeId));
      // One badge per record, lock copies or not; where the id column is locked, on the copy laid over
      // the body (the one staff see), next to the id.
      expect(rows.map(([id]) => id)).toEqual(f.cases.map((c) => c.disputeId));
      for (const [id, { anchor }] of rows) {
        expect(anchor.textContent).toContain(id);
        if (f.fixture === 'fusion-lock.html') expect(anchor.closest('.next-table-lock-left'), id).not.toBeNull();
      }
      r.cases.forEach((c, i) => {
        const want = f.cases[i]!;
        const at = `${c.disputeId}`;
        if (f.fields.includes('orderId')) expect(c.orderId, at).toBe(want.orderId);
        if (f.fields.includes('appliedAt')) expect(c.appliedAt, at).toBe(`${want.appliedAt!.replace(' ', 'T')}+08:00`);
        if (f.fields.includes('buyerNick')) expect(c.buyer, at).toBe(maskBuyer(want.buyerNick!));
        if (f.fields.includes('item')) expect(c.item, at).toBe(want.item);
        if (f.fields.includes('refundYuan')) expect(c.refundFen, at).toBe(parseMoneyFen(`¥${want.refundYuan}`));
        if (f.fields.includes('refundType')) expect(c.refundType, at).toBe(want.refundType);
        expect(c.statusText, at).toBe(want.statusText.replaceAll('，', ','));
        expect(c.status, at).not.toBe('UNKNOWN');
        expect(c.pageDeadline?.text, at).toBe(want.countdown ?? undefined);
        expect(c.drift, at).toBeUndefined();
      });
    });
  }
});
