// @vitest-environment happy-dom
// Status wordings staff teach: per host and case kind, only for wordings the vocabulary cannot read,
// only as a status of that kind; the reader then reads the whole status text with it (never buyer
// text); they travel in the settings export and merge wording by wording.
import { afterEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../entrypoints/background/handlers';
import { readPage } from '../../../lib/page/read';
import { exportAll, importAll } from '../../../lib/storage/backup';
import { createDb, type RadarDB } from '../../../lib/storage/db';
import { loadTaughtStatuses, mergeTaughtStatuses, teachStatus } from '../../../lib/storage/taught-status';
import { fixtureDocument } from '../fixtures';

let db: RadarDB;
let n = 0;
afterEach(async () => db?.delete());
const HOST = 'myseller.taobao.com';
const NOW = Date.parse('2026-11-22T15:00:00+08:00');

const exchangeList = (status: string, buyer = '林小雨') =>
  fixtureDocument(`<html><body><table><thead><tr><th>换货单号</th><th>买家</th><th>换货状态</th></tr></thead><tbody>
    <tr><td>EX2026112100001</td><td>${buyer}</td><td>${status} 还剩2天</td></tr></tbody></table></body></html>`);
const readExchange = (doc: Document, statuses = {}) =>
  readPage(doc, { url: `https://${HOST}/home.htm/trade-platform/exchange-list`, now: NOW, statuses }).cases[0]!;

describe('taught status wordings', () => {
  it('teaches a wording for a kind, the reader uses it for that kind only, and forgets it', async () => {
    db = createDb(`taught-status-${++n}`);
    let told = 0;
    const hooks = { afterTaught: () => told++ };
    const before = readExchange(exchangeList('换货审核中'));
    expect([before.status, before.statusText]).toEqual(['UNKNOWN', '换货审核中']);
    const taught = await handleMessage(
      db,
      {
        type: 'statuses/teach',
        host: HOST,
        kind: 'exchange',
        wording: '换货审核中',
        status: 'EXCHANGE_WAIT_SELLER_AGREE',
      },
      {},
      hooks,
    );
    expect(taught).toEqual({ ok: true, value: { exchange: { 换货审核中: 'EXCHANGE_WAIT_SELLER_AGREE' } } });
    expect(told).toBe(1);
    const statuses = (await handleMessage(db, { type: 'statuses/taught', host: HOST })) as { value: object };
    expect(readExchange(exchangeList('换货审核中'), statuses.value).status).toBe('EXCHANGE_WAIT_SELLER_AGREE');
    // Another host learnt nothing.
    expect(await handleMessage(db, { type: 'statuses/taught', host: 'qn.taobao.com' })).toEqual({
      ok: true,
      value: {},
    });
    await handleMessage(db, { type: 'statuses/teach', host: HOST, kind: 'exchange', wording: '换货审核中' }, {}, hooks);
    expect(await loadTaughtStatuses(db)).toEqual({});
  });

  it('only the whole status text counts: a buyer who writes the wording changes nothing', () => {
    const statuses = { exchange: { 换货审核中: 'EXCHANGE_WAIT_SELLER_AGREE' as const } };
    expect(readExchange(exchangeList('换货处理中'), statuses).status).toBe('UNKNOWN');
    expect(readExchange(exchangeList('换货处理中', '换货审核中'), statuses).status).toBe('UNKNOWN');
  });

  it.each([
    ['a wording the vocabulary reads', 'exchange', '换货成功', 'EXCHANGE_SUCCESS'],
    ['a status of another kind', 'exchange', '换货审核中', 'SUCCESS'],
    ['markup', 'refund', '<b>审核</b>', 'SUCCESS'],
    ['an empty wording', 'refund', '  ', 'SUCCESS'],
  ] as const)('refuses %s', async (_, kind, wording, status) => {
    db = createDb(`taught-status-${++n}`);
    expect(await teachStatus(db, HOST, kind, wording, status)).toBeTruthy();
    expect(await loadTaughtStatuses(db)).toEqual({});
  });

  it('refuses a host that is no seller backend, and the fiftyfirst wording of a kind', async () => {
    db = createDb(`taught-status-${++n}`);
    expect(await teachStatus(db, 'evil.example.com', 'refund', '审核中', 'WAIT_SELLER_AGREE')).toBeTruthy();
    for (let i = 0; i < 50; i++)
      expect(await teachStatus(db, HOST, 'refund', `审核中${i}`, 'WAIT_SELLER_AGREE')).toBeUndefined();
    expect(await teachStatus(db, HOST, 'refund', '审核中x', 'WAIT_SELLER_AGREE')).toBeTruthy();
    expect(Object.keys((await loadTaughtStatuses(db))[HOST]!.refund!)).toHaveLength(50);
  });

  it('travels in the settings export and merges wording by wording, this browser winning', async () => {
    db = createDb(`taught-status-${++n}`);
    await teachStatus(db, HOST, 'postage', '待商家打款', 'POSTAGE_WAIT_SELLER');
    const file = await exportAll(db, '2026-11-22T15:00:00+08:00', { includeBuyer: false });
    const other = createDb(`taught-status-${++n}`);
    await teachStatus(other, HOST, 'postage', '打款中', 'POSTAGE_WAIT_SELLER');
    await importAll(other, file);
    expect(await loadTaughtStatuses(other)).toEqual({
      [HOST]: { postage: { 待商家打款: 'POSTAGE_WAIT_SELLER', 打款中: 'POSTAGE_WAIT_SELLER' } },
    });
    await other.delete();
    expect(
      mergeTaughtStatuses({ [HOST]: { refund: { 审核中: 'CLOSED' } } }, { [HOST]: { refund: { 审核中: 'SUCCESS' } } }),
    ).toEqual({ [HOST]: { refund: { 审核中: 'CLOSED' } } });
    expect(mergeTaughtStatuses({}, { [HOST]: { refund: { 审核中: 'NOT_A_STATUS' } } })).toEqual({});
  });
});
