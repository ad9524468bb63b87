// Labels staff teach: validated, size-limited, per seller host, carried by the settings export and
// merged label by label on import.
import { afterEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../entrypoints/background/handlers';
import { exportAll, importAll } from '../../../lib/storage/backup';
import { createDb, type RadarDB } from '../../../lib/storage/db';
import { loadTaught, MAX_TAUGHT_PER_HOST, mergeTaught, teach } from '../../../lib/storage/taught';

let db: RadarDB;
let n = 0;
afterEach(async () => db?.delete());
const HOST = 'myseller.taobao.com';

describe('taught labels', () => {
  it('teaches, lists and forgets a label per host, and tells the open tabs', async () => {
    db = createDb(`taught-${++n}`);
    let told = 0;
    const hooks = { afterTaught: () => told++ };
    expect(
      await handleMessage(
        db,
        { type: 'labels/teach', host: HOST, label: '维权工单号', meaning: 'disputeId' },
        {},
        hooks,
      ),
    ).toEqual({ ok: true, value: { 维权工单号: 'disputeId' } });
    expect(await handleMessage(db, { type: 'labels/taught', host: HOST })).toEqual({
      ok: true,
      value: { 维权工单号: 'disputeId' },
    });
    expect(await handleMessage(db, { type: 'labels/taught', host: 'qn.taobao.com' })).toEqual({ ok: true, value: {} });
    expect(await handleMessage(db, { type: 'labels/teach', host: HOST, label: '维权工单号' }, {}, hooks)).toEqual({
      ok: true,
      value: {},
    });
    expect(told).toBe(2);
    expect(await loadTaught(db)).toEqual({});
  });

  it.each([
    ['a host that is no seller backend', 'evil.example.com', '维权工单号', 'disputeId', /卖家后台/],
    ['a built-in label', HOST, '退款编号', 'orderId', /内置/],
    ['a value rather than a label', HOST, '单号123', 'disputeId', /数字/],
    ['markup', HOST, '<b>x', 'disputeId', /尖括号/],
    ['an empty label', HOST, '  ', 'disputeId', /./],
    ['a meaning that is no field', HOST, '维权工单号', 'constructor', /不能教成/],
  ])('refuses %s with a reason', async (_what, host, label, meaning, reason) => {
    db = createDb(`taught-${++n}`);
    const r = await handleMessage(db, { type: 'labels/teach', host, label, meaning });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(reason);
    expect(await loadTaught(db)).toEqual({});
  });

  it(`keeps at most ${MAX_TAUGHT_PER_HOST} labels a host`, async () => {
    db = createDb(`taught-${++n}`);
    for (let i = 0; i < MAX_TAUGHT_PER_HOST; i++)
      expect(await teach(db, HOST, `标签${String.fromCharCode(0x4e00 + i)}`, 'ignore')).toBeUndefined();
    expect(await teach(db, HOST, '再多一个', 'ignore')).toMatch(/最多/);
  });

  it('travels in the settings export, and an import merges label by label (what this browser has wins)', async () => {
    db = createDb(`taught-${++n}`);
    await teach(db, HOST, '维权工单号', 'disputeId');
    await teach(db, HOST, '处理进度', 'ignore');
    const backup = await exportAll(db, '2026-11-22T10:00:00+08:00');
    const other = createDb(`taught-${++n}`);
    try {
      await teach(other, HOST, '处理进度', 'status');
      await teach(other, 'qn.taobao.com', '服务工单', 'disputeId');
      await importAll(other, JSON.parse(JSON.stringify(backup)));
      expect(await loadTaught(other)).toEqual({
        [HOST]: { 维权工单号: 'disputeId', 处理进度: 'status' },
        'qn.taobao.com': { 服务工单: 'disputeId' },
      });
    } finally {
      await other.delete();
    }
  });

  it('an imported value that is not a valid list of labels changes nothing', () => {
    const mine = { [HOST]: { 维权工单号: 'disputeId' as const } };
    expect(mergeTaught(mine, { [HOST]: { '<img>': 'disputeId' } })).toEqual(mine);
    expect(mergeTaught(mine, 'lots')).toEqual(mine);
  });
});
