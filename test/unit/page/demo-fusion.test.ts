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

/** The reading holds every case the page shows, once, in order, with the facts the backend holds. */
function expectAsBackend(reading: ReturnType<typeof readPage>, truth: DemoCase[]) {
  expect(reading.missing).toEqual([]);
  expect(reading.cases.map((c) => c.disputeId)).toEqual(truth.map((c) => c.disputeId));
  reading.cases.forEach((c, i) => {
    const t = truth[i]!;
    expect(c.kind).toBe(t.kind);
    expect(c.orderId).toBe(t.orderId);
    expect(c.status).toBe(t.status);
    expect(c.buyer).toBe(maskBuyer(t.buyerNick));
    if (t.kind === 'refund') expect(c.refundFen).toBe(t.refundFen);
    if (t.kind === 'postage') expect(c.postageFen).toBe(t.postageFen);
    expect(c.appliedAt).toBe(toChinaIso(t.appliedAt));
    if (t.deadlineAt) expect(Math.abs(Date.parse(c.pageDeadline!.at) - t.deadlineAt)).toBeLessThanOrEqual(60_000);
    else expect(c.pageDeadline).toBeUndefined();
  });
}

describe("the demo's Fusion lists", () => {
  // The demo's default 千牛 lists: Fusion's list mode, a group header (id, order, time, buyer) over each record.
  it.each([
    'refund-list-fusion.taobao',
    'refund-list-fusion.tmall',
    'exchange-list-fusion.taobao',
    'postage-list-fusion.tmall',
  ])('%s (list mode): every record once, as the backend holds it', (name) => {
    const { truth, doc, reading } = read(name);
    // The saved page really is Fusion's list mode: one group header and one record row a case.
    expect(truth.length).toBeGreaterThan(5);
    expect(doc.querySelectorAll('.next-table-group-header').length).toBe(truth.length);
    expect(doc.querySelectorAll('.next-table-body .next-table-row').length).toBe(truth.length);
    expect(reading.page).toBe(name.split('-fusion')[0]);
    expect(reading.platform).toBe(name.split('.')[1]);
    expectAsBackend(reading, truth);
    // The group header's flag words (运费险, 买家催促 …) are the record's flags.
    reading.cases.forEach((c, i) =>
      expect(Object.keys(c.flags).sort(), `${c.disputeId} flags`).toEqual(
        Object.entries(truth[i]!.flags)
          .filter(([, on]) => on)
          .map(([k]) => k)
          .sort(),
      ),
    );
  });

  it('the list with its id column locked (rendered twice by Fusion): every record once, as the backend holds it', () => {
    const { truth, doc, reading } = read('refund-list-fusion-lock.tmall');
    // The saved page really is Fusion's lock markup: the id cells exist twice.
    expect(doc.querySelectorAll('.next-table-lock-left tbody tr').length).toBe(truth.length);
    expect(truth.length).toBe(10);
    expectAsBackend(reading, truth);
  });
});
