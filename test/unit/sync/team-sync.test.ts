/**
 * Team sync between two browsers' ledgers through a CouchDB-protocol peer (PouchDB on the memory
 * adapter stands in for the shop's server here; the end-to-end tests use the real server process).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { caseWithTimeline } from '../../../lib/storage/cases';
import { EMPTY_POLICY } from '../../../lib/engine/policy';
import { loadTaught, teach } from '../../../lib/storage/taught';
import { RULES_KEY } from '../../../lib/storage/policy-store';
import { TeamSync } from '../../../lib/sync/replicator';
import { at, browser, closeAll, readList, server } from './peers';

afterEach(closeAll);

describe('team sync of staff data', () => {
  it("shows a colleague's claim, note and handled mark, with who and when", async () => {
    const remote = server();
    const a = browser('小王');
    const b = browser('小李');
    await readList(a.db, ['1001', '1002']);
    await readList(b.db, ['1001']);
    await a.team.staff('taobao:1001', { claim: true }, at(1));
    await a.team.staff('taobao:1001', { note: '已联系仓库核对' }, at(2));
    await a.team.run(remote, at(3));
    await b.team.run(remote, at(4));
    const got = await caseWithTimeline(b.db, 'taobao:1001');
    expect(got?.record.staff?.note).toBe('已联系仓库核对');
    expect(got?.record.team?.claims).toEqual([{ by: '小王', at: '2026-12-03T10:01:00+08:00' }]);
    expect(got?.record.team?.note?.by).toBe('小王');
    expect(got?.events.filter((e) => e.by === '小王').map((e) => e.type)).toEqual(['note', 'claim']);
    // A case B has not read yet gets A's data when B first reads it.
    await a.team.staff('taobao:1002', { handled: true }, at(5));
    await a.team.run(remote, at(6));
    await b.team.run(remote, at(7));
    const { createdKeys } = await readList(b.db, ['1002'], 8);
    await b.team.fillNew(createdKeys, at(8));
    expect((await b.db.cases.get('taobao:1002'))?.staff?.handled).toBe(true);
  });

  it("keeps both colleagues' notes written while apart, and shows both claims", async () => {
    const remote = server();
    const a = browser('小王');
    const b = browser('小李');
    await readList(a.db, ['1001']);
    await readList(b.db, ['1001']);
    await a.team.run(remote, at(0));
    await b.team.run(remote, at(0));
    // The server is down for both: each writes the note and claims the case.
    await a.team.staff('taobao:1001', { note: '买家说明天寄回', claim: true }, at(1));
    await b.team.staff('taobao:1001', { note: '已拒绝，等买家修改', claim: true }, at(2));
    await a.team.run(remote, at(3));
    await b.team.run(remote, at(4));
    await a.team.run(remote, at(5));
    for (const who of [a, b]) {
      const rec = await who.db.cases.get('taobao:1001');
      expect(rec?.staff?.note).toBe('已拒绝，等买家修改');
      expect(rec?.team?.otherNotes.map((x) => [x.by, x.value])).toEqual([['小王', '买家说明天寄回']]);
      expect(rec?.team?.claims.map((c) => c.by)).toEqual(['小王', '小李']);
    }
    // Read and set aside in one browser: gone in both.
    await a.team.staff('taobao:1001', { dismissNotes: true }, at(6));
    await a.team.run(remote, at(7));
    await b.team.run(remote, at(8));
    expect((await b.db.cases.get('taobao:1001'))?.team?.otherNotes).toEqual([]);
    expect(await a.local.get('case:taobao:1001', { conflicts: true })).not.toHaveProperty('_conflicts');
  });
});

describe('team sync of cases and shop settings', () => {
  it('brings the cases a colleague read, with who read them, and resumes after a stop mid-apply', async () => {
    const remote = server();
    const a = browser('小王', true);
    const b = browser('小李', true);
    const ids = Array.from({ length: 700 }, (_, i) => String(5000 + i));
    await readList(a.db, ids);
    await a.team.run(remote, at(1));
    b.failApplyOnCall(2);
    await expect(b.team.run(remote, at(2))).rejects.toThrow('stopped');
    const partial = await b.db.cases.count();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(700);
    await b.team.run(remote, at(3));
    expect(await b.db.cases.count()).toBe(700);
    const rec = await b.db.cases.get('taobao:5000');
    expect(rec?.team?.seenBy?.by).toBe('小王');
    expect(await b.db.events.where('type').equals('first-seen').count()).toBe(700);
    expect(await b.team.pending()).toBe(0);
  });

  it('shares the cases a browser already held when "also share cases" is switched on later', async () => {
    const remote = server();
    const a = browser('小王');
    const b = browser('小李', true);
    await readList(a.db, ['1001', '1002', '1003']);
    await a.team.run(remote, at(1));
    await b.team.run(remote, at(2));
    expect(await b.db.cases.count()).toBe(0);
    const sharing = new TeamSync({
      db: a.db,
      local: a.local,
      name: '小王',
      snapshots: true,
      policy: async () => EMPTY_POLICY,
    });
    await sharing.run(remote, at(3));
    await b.team.run(remote, at(4));
    expect((await b.db.cases.toCollection().primaryKeys()).sort()).toEqual([
      'taobao:1001',
      'taobao:1002',
      'taobao:1003',
    ]);
  });

  it("shares taught labels, reply templates and rule overrides; a joiner does not overwrite the team's rules", async () => {
    const remote = server();
    const a = browser('小王');
    expect(await teach(a.db, 'myseller.taobao.com', '工单流水号', 'disputeId')).toBeUndefined();
    await a.db.settings.put({ key: RULES_KEY, value: { 'deadline.return-refund-agree': { hours: 36 } } });
    const reply = {
      id: 'own-1',
      title: '催寄回',
      category: '退货',
      body: '亲，请尽快寄回',
      order: 1,
      updatedAt: '2026-12-03T09:00:00+08:00',
    };
    await a.db.replies.put(reply);
    await a.team.run(remote, at(1));
    const b = browser('小李');
    await b.db.settings.put({ key: RULES_KEY, value: { 'deadline.return-refund-agree': { hours: 12 } } });
    await b.db.replies.put({ ...reply, id: 'own-b', title: 'B的模板' });
    await b.team.run(remote, at(2));
    expect(await loadTaught(b.db)).toEqual({ 'myseller.taobao.com': { 工单流水号: 'disputeId' } });
    expect((await b.db.settings.get(RULES_KEY))?.value).toEqual({ 'deadline.return-refund-agree': { hours: 36 } });
    // B deletes A's template and forgets the label; A's browser follows, and gets B's own template.
    await b.db.replies.delete('own-1');
    await teach(b.db, 'myseller.taobao.com', '工单流水号', undefined);
    await b.team.run(remote, at(3));
    await a.team.run(remote, at(4));
    expect((await a.db.replies.toArray()).map((r) => r.id)).toEqual(['own-b']);
    expect(await loadTaught(a.db)).toEqual({});
  });
});
