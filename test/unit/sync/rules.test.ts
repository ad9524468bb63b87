import * as v from 'valibot';
/** Team sync's pure parts: where it may connect, what a failure tells staff, and how two revisions of a case merge. */
import { describe, expect, it } from 'vitest';
import { parseTeamSettings, serverOrigin, syncFailure } from '../../../lib/sync/settings';
import { claimsOf, emptyTeamCase, mergeTeamCase, patchTeamCase, type TeamCase } from '../../../lib/sync/team-case';
import {
  commitmentId,
  shopChanges,
  shopDocId,
  ShopDocSchema,
  statusesWith,
  type ShopDoc,
} from '../../../lib/sync/shop-docs';

const settings = (server: string, database = 'qinghe-shop') => ({
  enabled: true,
  server,
  database,
  username: 'xiaowang',
  password: 'pw',
  name: '小王',
  snapshots: false,
});

describe('where team sync may connect', () => {
  it('takes HTTPS anywhere and plain HTTP only on this computer, asking for that one origin', () => {
    expect(serverOrigin('https://sync.example.com:6984/')).toEqual({
      origin: 'https://sync.example.com:6984',
      pattern: 'https://sync.example.com:6984/*',
    });
    expect(serverOrigin('http://127.0.0.1:5984')).toMatchObject({ pattern: 'http://127.0.0.1:5984/*' });
    expect(serverOrigin('http://localhost:5984')).toMatchObject({ origin: 'http://localhost:5984' });
    expect(serverOrigin('http://sync.example.com')).toHaveProperty('error');
    expect(serverOrigin('https://xiaowang:pw@sync.example.com')).toHaveProperty('error');
    expect(serverOrigin('sync.example.com')).toHaveProperty('error');
  });

  it('refuses settings that CouchDB or the person would not accept, with a reason', () => {
    expect(parseTeamSettings(settings('https://sync.example.com')).ok).toBe(true);
    expect(parseTeamSettings(settings('https://sync.example.com', 'Qinghe Shop'))).toMatchObject({ ok: false });
    expect(parseTeamSettings({ ...settings('https://sync.example.com'), name: '  ' })).toEqual({
      ok: false,
      error: '请填写您的称呼',
    });
    expect(parseTeamSettings({ ...settings('https://a.example'), password: 'x'.repeat(201) }).ok).toBe(false);
  });

  it('tells a refusal (fix the settings) from an outage (it retries)', () => {
    expect(syncFailure({ status: 401 })).toMatchObject({ state: 'rejected', error: expect.stringContaining('密码') });
    expect(syncFailure({ status: 403 }).state).toBe('rejected');
    expect(syncFailure({ status: 404 }).state).toBe('rejected');
    expect(syncFailure(new TypeError('Failed to fetch'))).toMatchObject({ state: 'offline' });
  });
});

const at = (min: number) => `2026-12-03T10:${String(min).padStart(2, '0')}:00+08:00`;

describe("a case's team document, written apart by two colleagues", () => {
  const base = patchTeamCase(emptyTeamCase('taobao:1001'), { note: '原备注' }, '小王', at(0));
  const a = patchTeamCase(
    base,
    { note: 'A 的备注', claim: true, step: { text: '同意退款', done: true } },
    '小王',
    at(5),
  );
  const b = patchTeamCase(base, { note: 'B 的备注', claim: true, handled: true }, '小李', at(6));

  it('merges the same whichever revision CouchDB picked as the winner', () => {
    expect(mergeTeamCase([a, b])).toEqual(mergeTeamCase([b, a]));
  });

  it("loses neither edit: the later note, the other beside it, both claims, A's tick and B's handled mark", () => {
    const m = mergeTeamCase([a, b]);
    expect(m.note).toEqual({ value: 'B 的备注', by: '小李', at: at(6) });
    expect(m.otherNotes.map((n) => n.value)).toEqual(['A 的备注']);
    expect(claimsOf(m).map((c) => c.by)).toEqual(['小王', '小李']);
    expect(m.steps['同意退款']?.value).toBe(true);
    expect(m.handled?.value).toBe(true);
    expect(m.log.map((e) => `${e.by}:${e.type}`)).toEqual([
      '小王:note',
      '小王:note',
      '小王:claim',
      '小王:step',
      '小李:note',
      '小李:handled',
      '小李:claim',
    ]);
  });

  it('keeps a note set aside out of later merges, and a released claim released', () => {
    const seen = patchTeamCase(mergeTeamCase([a, b]), { dismissNotes: true, claim: false }, '小王', at(7));
    const stale: TeamCase = { ...a };
    const m = mergeTeamCase([seen, stale]);
    expect(m.otherNotes).toEqual([]);
    expect(claimsOf(m).map((c) => c.by)).toEqual(['小李']);
  });
});

describe("the shop's settings as documents", () => {
  const entry = { type: 'fake-3x' as const, enabled: true, effectiveFrom: at(0) };
  it('writes only what differs, and a removal for what this browser no longer has', () => {
    const reply = { id: 'r1', title: 't', category: 'c', body: 'b', order: 1, updatedAt: at(0) };
    const docs = new Map<string, ShopDoc>([
      ['shop:rules', { type: 'rules', value: null, by: '小王', at: at(0) }],
      ['reply:r1', { type: 'reply', id: 'r1', reply, by: '小王', at: at(0) }],
      [commitmentId(entry), { type: 'commitment', entry, by: '小王', at: at(0) }],
    ]);
    const local = {
      rules: undefined,
      taught: { 'myseller.taobao.com': { 工单流水号: 'disputeId' as const } },
      replies: [],
      commitments: [entry],
    };
    const out = shopChanges(local, docs, '小李', at(9));
    expect(out).toEqual([
      { type: 'taught', host: 'myseller.taobao.com', label: '工单流水号', meaning: 'disputeId', by: '小李', at: at(9) },
      { type: 'reply', id: 'r1', reply: null, by: '小李', at: at(9) },
    ]);
  });

  it('the freight tables travel as one document, validated and bounded', () => {
    const table = {
      default: { firstFen: 1000, extraFen: 300 },
      regions: [{ provinces: ['山东' as const], firstFen: 1200 }],
    };
    const local = { rules: undefined, taught: {}, replies: [], commitments: [] };
    // A browser that never had a table writes none; one that has writes it.
    expect(shopChanges(local, new Map(), '小李', at(9))).toEqual([
      { type: 'rules', value: null, by: '小李', at: at(9) },
    ]);
    const out = shopChanges({ ...local, freight: [table] }, new Map(), '小李', at(9));
    expect(out).toContainEqual({ type: 'freight', value: [table], by: '小李', at: at(9) });
    const doc = out.find((d) => d.type === 'freight')!;
    expect(shopDocId(doc)).toBe('shop:freight');
    expect(v.safeParse(ShopDocSchema, doc).success).toBe(true);
    // A province the table does not know, an absurd price, or too many tables are refused.
    const bad = (value: unknown) => v.safeParse(ShopDocSchema, { ...doc, value }).success;
    expect(bad([{ ...table, regions: [{ provinces: ['火星'], firstFen: 1200 }] }])).toBe(false);
    expect(bad([{ ...table, default: { firstFen: 1e9 } }])).toBe(false);
    expect(bad(Array.from({ length: 11 }, () => table))).toBe(false);
    // Removing the table here removes it for the team.
    const docs = new Map<string, ShopDoc>([['shop:freight', doc]]);
    expect(shopChanges(local, docs, '小王', at(10))).toContainEqual({
      type: 'freight',
      value: null,
      by: '小王',
      at: at(10),
    });
  });

  it('taught status wordings travel one document each, validated, and a colleague’s apply to this browser', () => {
    const host = 'myseller.taobao.com';
    const local = {
      rules: undefined,
      taught: {},
      statuses: { [host]: { exchange: { 换货审核中: 'EXCHANGE_WAIT_SELLER_AGREE' as const } } },
      replies: [],
      commitments: [],
    };
    const out = shopChanges(local, new Map(), '小李', at(9));
    const doc = out.find((d) => d.type === 'status')!;
    expect(doc).toEqual({
      type: 'status',
      host,
      kind: 'exchange',
      wording: '换货审核中',
      status: 'EXCHANGE_WAIT_SELLER_AGREE',
      by: '小李',
      at: at(9),
    });
    expect(shopDocId(doc)).toBe(`status:${host}:exchange:换货审核中`);
    expect(v.safeParse(ShopDocSchema, doc).success).toBe(true);
    // A status of another kind, a foreign host or markup is refused.
    const ok = (d: object) => v.safeParse(ShopDocSchema, { ...doc, ...d }).success;
    expect(ok({ status: 'SUCCESS' })).toBe(false);
    expect(ok({ host: 'evil.example.com' })).toBe(false);
    expect(ok({ wording: '<img>' })).toBe(false);
    // Forgotten here: a removal for the team; a colleague's document applies here.
    const docs = new Map<string, ShopDoc>([[shopDocId(doc), doc]]);
    expect(shopChanges({ ...local, statuses: {} }, docs, '小王', at(10))).toContainEqual({
      ...doc,
      status: null,
      by: '小王',
      at: at(10),
    });
    expect(statusesWith({}, doc)).toEqual(local.statuses);
  });
});
