// @vitest-environment happy-dom
// The reader on the demo's lists as the real Fusion Table (@alifd/next under React) draws them, saved by
// `node scripts/capture-fixtures.mjs <name>` into test/fixtures/library/ (demo-*.html, demo-index.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskBuyer } from '../../../lib/page/parse';
import { readPage } from '../../../lib/page/read';
import { toChinaIso } from '../../../lib/shared/china-time';
import { type DemoCase, fixtureDocument } from '../fixtures';

const DIR = join(process.cwd(), 'test', 'fixtures', 'library');
const index = JSON.parse(readFileSync(join(DIR, 'demo-index.json'), 'utf8')) as Record<
  string,
  { url: string; capturedAt: string; cases: DemoCase[] }
>;

function read(name: string) {
  const meta = index[name]!;
  const html = readFileSync(join(DIR, `demo-${name}.html`), 'utf8');
  const now = Date.parse(meta.capturedAt);
  return {
    truth: meta.cases,
    doc: fixtureDocument(html),
    reading: readPage(fixtureDocument(html), { url: meta.url, now }),
  };
}

describe("the demo's Fusion lists", () => {
  it('the list with its id column locked (rendered twice by Fusion): every record once, as the backend holds it', () => {
    const { truth, doc, reading } = read('refund-list-fusion-lock.tmall');
    // The saved page really is Fusion's lock markup: the id cells exist twice.
    expect(doc.querySelectorAll('.next-table-lock-left tbody tr').length).toBe(truth.length);
    expect(truth.length).toBe(10);
    expect(reading.missing).toEqual([]);
    expect(reading.cases.map((c) => c.disputeId)).toEqual(truth.map((c) => c.disputeId));
    reading.cases.forEach((c, i) => {
      const t = truth[i]!;
      expect(c.orderId).toBe(t.orderId);
      expect(c.status).toBe(t.status);
      expect(c.buyer).toBe(maskBuyer(t.buyerNick));
      expect(c.refundFen).toBe(t.refundFen);
      expect(c.appliedAt).toBe(toChinaIso(t.appliedAt));
      if (t.deadlineAt) expect(Math.abs(Date.parse(c.pageDeadline!.at) - t.deadlineAt)).toBeLessThanOrEqual(60_000);
    });
  });
});
