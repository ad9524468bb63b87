/**
 * The ledger's upgrades are frozen: they never call the engine (mocked here to throw), so what they
 * store does not change when the engine does; v5 clears what was guessed for states never read.
 */
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { createDb, NO_DEADLINE, SCHEMA } from '../../../lib/storage/db';

vi.mock('../../../lib/engine', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/engine')>();
  const refuse = () => {
    throw new Error('an upgrade called the engine');
  };
  return { ...real, nextDeadline: refuse, assess: refuse };
});

const LATEST = Math.max(...Object.keys(SCHEMA).map(Number));
const SOURCE = { page: 'refund-list', url: 'https://myseller.taobao.com/x', readAt: '2026-11-22T09:00:00+08:00' };
const record = (key: string, patch: Record<string, unknown>) => ({
  key,
  platform: 'taobao',
  disputeId: key.split(':')[1],
  kind: 'refund',
  flags: {},
  firstSeenAt: '2026-11-22T09:00:00+08:00',
  lastSeenAt: '2026-11-22T09:00:00+08:00',
  lastSource: SOURCE,
  open: 1,
  deadlineAt: NO_DEADLINE,
  ...patch,
});

async function openAt(name: string, version: number, cases: Record<string, unknown>[]): Promise<void> {
  const old = new Dexie(name);
  for (let v = 1; v <= version; v++) old.version(v).stores(SCHEMA[v as keyof typeof SCHEMA]);
  await old.open();
  await old.table('cases').bulkPut(cases);
  old.close();
}

describe('frozen upgrades', () => {
  it('v1 → latest: deadlines estimated without the engine, a page countdown on an unread state taken as shown', async () => {
    const name = 'frozen-v1';
    await openAt(name, 1, [
      record('taobao:1', {
        refundType: '退货退款',
        status: 'WAIT_SELLER_AGREE',
        appliedAt: '2026-11-21T10:00:00+08:00',
      }),
      record('tmall:2', {
        platform: 'tmall',
        status: 'WAIT_SELLER_CONFIRM_GOODS',
        returnLogistics: { shippedAt: '2026-11-20T12:00:00+08:00', signedAt: '2026-11-22T09:00:00+08:00' },
      }),
      record('taobao:3', {
        status: 'UNKNOWN',
        pageDeadline: { at: '2026-11-23T10:00:00+08:00', text: '还剩19时' },
      }),
      record('taobao:4', { status: 'SUCCESS', open: 0 }),
    ]);
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.cases.get('taobao:1')).toMatchObject({
      due: { at: '2026-11-26T10:00:00+08:00', basis: 'rule', consequence: 'auto-agree', actor: 'seller' },
      deadlineAt: Date.parse('2026-11-26T10:00:00+08:00'),
    });
    expect((await db.cases.get('tmall:2'))?.due).toMatchObject({
      at: '2026-11-24T09:00:00+08:00',
      ruleId: 'deadline.tmall-signed-return',
      consequence: 'auto-refund',
    });
    expect((await db.cases.get('taobao:3'))?.due).toEqual({
      at: '2026-11-23T10:00:00+08:00',
      basis: 'page',
      consequence: null,
      actor: null,
    });
    expect((await db.cases.get('taobao:4'))?.deadlineAt).toBe(NO_DEADLINE);
    await db.delete();
  });

  it('v4 → v5: a state never read keeps the countdown as shown and no guessed action, turn or estimate', async () => {
    const name = 'frozen-v4';
    const read = record('taobao:9', {
      status: 'WAIT_SELLER_AGREE',
      due: { at: '2026-11-26T10:00:00+08:00', basis: 'rule', consequence: 'auto-agree', actor: 'seller' },
      deadlineAt: Date.parse('2026-11-26T10:00:00+08:00'),
      alertsSent: [60],
    });
    await openAt(name, 4, [
      record('taobao:1', {
        status: 'UNKNOWN',
        due: {
          at: '2026-11-26T10:00:00+08:00',
          basis: 'rule',
          consequence: 'auto-agree',
          actor: 'seller',
          ruleId: 'deadline.return-refund-agree',
        },
        deadlineAt: Date.parse('2026-11-26T10:00:00+08:00'),
        alertsSent: [1440],
      }),
      record('taobao:2', {
        status: 'UNKNOWN',
        pageDeadline: { at: '2026-11-23T10:00:00+08:00', text: '还剩19时' },
        due: { at: '2026-11-23T10:00:00+08:00', basis: 'page', consequence: 'auto-refund', actor: 'seller' },
        deadlineAt: Date.parse('2026-11-23T10:00:00+08:00'),
      }),
      record('taobao:3', {
        status: 'UNKNOWN',
        pageDeadline: { at: '2026-11-23T10:00:00+08:00', text: '还剩19时后自动同意', action: 'auto-agree' },
        due: { at: '2026-11-23T10:00:00+08:00', basis: 'page', consequence: 'auto-agree', actor: 'buyer' },
        deadlineAt: Date.parse('2026-11-23T10:00:00+08:00'),
      }),
      read,
    ]);
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    const estimated = await db.cases.get('taobao:1');
    expect([estimated?.due, estimated?.deadlineAt, estimated?.alertsSent]).toEqual([null, NO_DEADLINE, undefined]);
    expect(await db.cases.get('taobao:2')).toMatchObject({
      due: { at: '2026-11-23T10:00:00+08:00', basis: 'page', consequence: null, actor: null },
      deadlineAt: Date.parse('2026-11-23T10:00:00+08:00'),
    });
    expect((await db.cases.get('taobao:3'))?.due).toEqual({
      at: '2026-11-23T10:00:00+08:00',
      basis: 'page',
      consequence: 'auto-agree',
      actor: null,
    });
    expect(await db.cases.get('taobao:9')).toEqual(read);
    await db.delete();
  });

  it('the frozen upgrades import nothing from the engine', () => {
    const src = readFileSync('lib/storage/frozen-upgrades.ts', 'utf8');
    expect(src.match(/from '[^']*'/g)).toEqual(["from '../shared/types'"]);
  });
});
