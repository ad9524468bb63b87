import { afterEach, describe, expect, it } from 'vitest';
import { clearAll, exportAll, importAll, parseBackup, pruneClosed } from '../../../lib/storage/backup';
import { updateStaff, upsertCases } from '../../../lib/storage/cases';
import { createDb, type RadarDB } from '../../../lib/storage/db';
import type { CaseSnapshot } from '../../../lib/shared/types';

let n = 0;
const dbs: RadarDB[] = [];
const fresh = () => {
  const db = createDb(`backup-${++n}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

const snap = (id: string, patch: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
  platform: 'tmall',
  disputeId: id,
  kind: 'refund',
  refundType: '仅退款',
  shipped: false,
  status: 'WAIT_SELLER_AGREE',
  statusText: '退款待处理',
  appliedAt: '2026-11-21T10:00:00+08:00',
  refundFen: 4950,
  buyer: '张**',
  flags: { buyerUrged: true },
  ...patch,
});
const src = (readAt: string) => ({
  page: 'refund-list' as const,
  url: 'https://qn.taobao.com/home.htm/trade-platform/refund-list',
  readAt,
});

async function seed(db: RadarDB) {
  await upsertCases(
    db,
    [snap('2001'), snap('2002', { status: 'SUCCESS', statusText: '退款成功' })],
    src('2026-11-22T10:00:00+08:00'),
  );
  await updateStaff(
    db,
    'tmall:2001',
    { note: '下午回访', step: { text: '同意退款', done: true } },
    '2026-11-22T10:05:00+08:00',
  );
  await db.policies.add({ type: 'fake-3x', enabled: true, effectiveFrom: '2026-01-01T00:00:00+08:00' });
  await db.replies.put({
    id: 'mine-1',
    title: '我的问候',
    category: 'greeting',
    body: '您好 {买家}',
    order: 0,
    updatedAt: '2026-11-22T10:00:00+08:00',
  });
  await db.settings.put({ key: 'retentionDays', value: 90 });
}

const comparable = async (db: RadarDB) => ({
  cases: (await db.cases.toArray()).map(({ alertsSent: _a, ...c }) => c),
  events: (await db.events.toArray()).map(({ id: _id, ...e }) => e),
  policies: (await db.policies.toArray()).map(({ id: _id, ...p }) => p),
  replies: await db.replies.toArray(),
  settings: await db.settings.toArray(),
});

describe('export → import', () => {
  it('restores everything on a fresh profile, losslessly', async () => {
    const a = fresh();
    await seed(a);
    const text = JSON.stringify(await exportAll(a, '2026-11-22T11:00:00+08:00'));
    const b = fresh();
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    const report = await importAll(b, (parsed as { ok: true; backup: never }).backup);
    expect(report).toEqual({ cases: { added: 2, updated: 0 }, events: 4, policies: 1, replies: 1, settings: 1 });
    expect(await comparable(b)).toEqual(await comparable(a));
  });

  it('merges into existing data, never wiping it, and importing twice changes nothing', async () => {
    const a = fresh();
    await seed(a);
    const backup = await exportAll(a, '2026-11-22T11:00:00+08:00');
    const b = fresh();
    await upsertCases(b, [snap('2001', { reason: '本机读到的原因' }), snap('3003')], src('2026-11-22T12:00:00+08:00'));
    await updateStaff(b, 'tmall:2001', { handled: true }, '2026-11-22T12:01:00+08:00');
    const r1 = await importAll(b, backup);
    expect(r1.cases).toEqual({ added: 1, updated: 1 });
    const rec = await b.cases.get('tmall:2001');
    expect(rec?.reason).toBe('本机读到的原因');
    expect(rec?.staff).toMatchObject({ handled: true, note: '下午回访' });
    expect(await b.cases.count()).toBe(3);
    const before = await comparable(b);
    const r2 = await importAll(b, backup);
    expect(r2).toMatchObject({ events: 0, policies: 0, replies: 0, settings: 0 });
    expect((await comparable(b)).events).toEqual(before.events);
  });

  it('can leave buyer data out', async () => {
    const a = fresh();
    await seed(a);
    const backup = await exportAll(a, '2026-11-22T11:00:00+08:00', { includeBuyer: false });
    expect(backup.cases.every((c) => c.buyer === undefined)).toBe(true);
  });

  it.each([
    ['truncated', (t: string) => t.slice(0, t.length / 2), /JSON/],
    ['not an export', () => JSON.stringify({ hello: 1 }), /不是售后雷达/],
    ['a future version', (t: string) => t.replace('"version":1', '"version":9'), /版本/],
    [
      'a malicious case',
      (t: string) => t.replace('"disputeId":"2001"', '"disputeId":"<img src=x onerror=alert(1)>"'),
      /invalid export at cases/,
    ],
    ['a wrong type', (t: string) => t.replace('"refundFen":4950', '"refundFen":"4950"'), /refundFen/],
  ])('rejects a %s file with a reason and changes nothing', async (_what, mangle, reason) => {
    const a = fresh();
    await seed(a);
    const text = mangle(JSON.stringify(await exportAll(a, '2026-11-22T11:00:00+08:00')));
    const r = parseBackup(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(reason);
  });
});

describe('retention and clearing', () => {
  it('prunes closed cases last seen before the retention period, with their timelines', async () => {
    const db = fresh();
    await seed(db);
    expect(await pruneClosed(db, 180, Date.parse('2026-12-01T00:00:00+08:00'))).toBe(0);
    expect(await pruneClosed(db, 180, Date.parse('2027-06-01T00:00:00+08:00'))).toBe(1);
    expect(await db.cases.get('tmall:2002')).toBeUndefined();
    expect(await db.cases.get('tmall:2001')).toBeDefined();
    expect(await db.events.where('caseKey').equals('tmall:2002').count()).toBe(0);
  });

  it('clears everything', async () => {
    const db = fresh();
    await seed(db);
    await clearAll(db);
    expect(await comparable(db)).toEqual({ cases: [], events: [], policies: [], replies: [], settings: [] });
  });
});
