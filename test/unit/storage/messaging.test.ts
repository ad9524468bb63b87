import { afterEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../entrypoints/background/handlers';
import { PageData } from '../../../entrypoints/background/page-data';
import { parseMessage } from '../../../lib/messaging/protocol';
import { createDb, type RadarDB } from '../../../lib/storage/db';

let db: RadarDB;
let n = 0;
afterEach(async () => db?.delete());

const good = {
  type: 'cases/seen',
  source: {
    page: 'refund-list',
    url: 'https://myseller.taobao.com/home.htm/trade-platform/refund-list',
    readAt: '2026-11-22T10:00:00+08:00',
  },
  cases: [
    {
      platform: 'taobao',
      disputeId: '287140000008050',
      kind: 'refund',
      status: 'WAIT_SELLER_AGREE',
      flags: {},
      refundFen: 11800,
    },
  ],
};

describe('the message protocol', () => {
  it('accepts a well-formed page reading', () => expect(parseMessage(good).ok).toBe(true));

  it.each([
    ['not an object', 'hello', /invalid message/],
    ['an unknown type', { type: 'cases/delete-all' }, /type/],
    ['a missing source', { type: 'cases/seen', cases: [] }, /source/],
    ['cases that are no list', { ...good, cases: 'all of them' }, /cases/],
  ])('rejects %s with a reason', (_what, input, reason) => {
    const r = parseMessage(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(reason);
  });

  it.each([
    ['a negative amount', { ...good.cases[0], refundFen: -5 }, /cases\.0\.refundFen|refundFen/],
    ['a fractional amount', { ...good.cases[0], refundFen: 1.5 }, /refundFen/],
    ['a made-up status', { ...good.cases[0], status: 'HACKED' }, /status/],
    ['markup as an id', { ...good.cases[0], disputeId: '<img src=x onerror=alert(1)>' }, /disputeId/],
    ['an oversized text', { ...good.cases[0], reason: 'x'.repeat(5000) }, /reason/],
  ])('leaves out a case with %s, saying why, and keeps the rest of the reading', (_what, bad, reason) => {
    const r = parseMessage({ ...good, cases: [good.cases[0], bad] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.message.type === 'cases/seen' && r.message.cases.map((c) => c.disputeId)).toEqual(['287140000008050']);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected![0]!.reason).toMatch(reason);
  });

  it('stores the good cases of a batch with one bad case, and says which was left out', async () => {
    db = createDb(`msg-${++n}`);
    const bad = {
      ...good,
      cases: [good.cases[0], { ...good.cases[0], disputeId: '287140000008051', refundFen: 'lots' }],
    };
    const reply = await handleMessage(db, bad);
    expect(reply).toMatchObject({ ok: true, value: { saved: 1, rejected: [{ disputeId: '287140000008051' }] } });
    expect((await db.cases.toArray()).map((c) => c.disputeId)).toEqual(['287140000008050']);
  });

  it('stores a good batch and answers the urgent query', async () => {
    db = createDb(`msg-${++n}`);
    expect(await handleMessage(db, good)).toMatchObject({ ok: true, value: { saved: 1, created: 1 } });
    const urgent = await handleMessage(db, { type: 'cases/urgent', limit: 10 });
    expect(urgent.ok && (urgent.value as { disputeId: string }[]).map((c) => c.disputeId)).toEqual(['287140000008050']);
  });

  it("answers with each case's row badge, judged with the shop's policy", async () => {
    db = createDb(`msg-${++n}`);
    const now = Date.parse('2026-11-22T12:00:00+08:00');
    const pageDeadline = { at: '2026-11-24T10:00:00+08:00', action: 'auto-agree', text: '还剩1天22时' };
    const applied = {
      ...good,
      cases: [
        { ...good.cases[0], pageDeadline },
        { ...good.cases[0], disputeId: '287140000008051', status: 'CLOSED' },
      ],
    };
    const r = await handleMessage(db, applied, {}, { now: () => now });
    expect(r.ok).toBe(true);
    const marks = (r as { value: { marks: Record<string, { dueAt: number | null; estimated: boolean; why: string }> } })
      .value.marks;
    expect(Object.keys(marks).sort()).toEqual(['287140000008050', '287140000008051']);
    expect(marks['287140000008050']).toMatchObject({
      dueAt: Date.parse('2026-11-24T10:00:00+08:00'),
      estimated: false,
    });
    expect(marks['287140000008051']!.dueAt).toBeNull();
  });

  it("relays a child frame's reading to the top frame of the same tab, and only then", async () => {
    db = createDb(`msg-${++n}`);
    const reading = {
      page: 'refund-list',
      era: 'qianniu',
      platform: 'taobao',
      stats: {},
      missing: [],
      cases: good.cases,
    };
    const relayed: [number, unknown][] = [];
    const relay = async (tabId: number, m: unknown) => {
      relayed.push([tabId, m]);
    };
    await handleMessage(db, { ...good, frameReading: reading }, { tabId: 7, frameId: 3 }, { relayToTop: relay });
    await handleMessage(db, { ...good, frameReading: reading }, { tabId: 7, frameId: 0 }, { relayToTop: relay });
    expect(relayed).toEqual([[7, { type: 'frame/reading', url: good.source.url, reading }]]);
  });

  it("passes a top frame's cases on to its tab's sidebar as part of its reading, and says whether one listened", async () => {
    db = createDb(`msg-${++n}`);
    const meta = { page: 'refund-list', era: 'qianniu', platform: 'taobao', stats: {}, missing: [] };
    const shown: [number, unknown][] = [];
    const listening = new Set([7]);
    const showInSidebar = (tabId: number, m: unknown) => {
      if (!listening.has(tabId)) return false;
      shown.push([tabId, m]);
      return true;
    };
    const withSidebar = { ...good, sidebar: { seq: 4, last: true, reading: meta } };
    const r = await handleMessage(db, withSidebar, { tabId: 7, frameId: 0 }, { showInSidebar });
    expect(r).toMatchObject({ ok: true, value: { saved: 1, shown: true } });
    expect(shown).toEqual([
      [
        7,
        {
          type: 'reading',
          reading: { ...meta, cases: good.cases },
          readAt: Date.parse(good.source.readAt),
          seq: 4,
          last: true,
        },
      ],
    ]);
    // A tab with no sidebar listening, a child frame, or no request: nothing passed on, and the page is told.
    const none = await handleMessage(db, withSidebar, { tabId: 8, frameId: 0 }, { showInSidebar });
    const child = await handleMessage(db, withSidebar, { tabId: 7, frameId: 2 }, { showInSidebar });
    const plain = await handleMessage(db, good, { tabId: 7, frameId: 0 }, { showInSidebar });
    expect([none, child, plain].map((x) => x.ok && (x.value as { shown: boolean }).shown)).toEqual([
      false,
      false,
      false,
    ]);
    expect(shown).toHaveLength(1);
  });

  it("works out a list row's times and countdown as of the reading, before it stores, judges or passes on the case", async () => {
    db = createDb(`msg-${++n}`);
    const row = {
      ...good.cases[0]!,
      unparsed: { times: { appliedAt: '2026-11-20 13:05:22' }, countdown: ['还剩1天2时'] },
    };
    const meta = { page: 'refund-list', era: 'qianniu', platform: 'taobao', stats: {}, missing: [] };
    const posted: { reading: { cases: Record<string, unknown>[] } }[] = [];
    const showInSidebar = (_tab: number, m: unknown) => posted.push(m as (typeof posted)[number]) > 0;
    const r = await handleMessage(
      db,
      { ...good, cases: [row], sidebar: { seq: 1, last: true, reading: meta } },
      { tabId: 7, frameId: 0 },
      { showInSidebar },
    );
    // Read at 10:00 on the 22nd: 1 day 2 hours later.
    const due = '2026-11-23T12:00:00+08:00';
    expect(r.ok && (r.value as { marks: Record<string, { dueAt: number }> }).marks[row.disputeId]!.dueAt).toBe(
      Date.parse(due),
    );
    const rec = await db.cases.get(`taobao:${row.disputeId}`);
    expect(rec).toMatchObject({
      appliedAt: '2026-11-20T13:05:22+08:00',
      pageDeadline: { at: due, text: '还剩1天2时' },
    });
    expect(rec).not.toHaveProperty('unparsed');
    expect(posted[0]!.reading.cases[0]).toMatchObject({
      appliedAt: '2026-11-20T13:05:22+08:00',
      pageDeadline: { at: due },
    });
    expect(posted[0]!.reading.cases[0]).not.toHaveProperty('unparsed');
    // What the page showed is text, held to the same limits as the rest.
    const long = await handleMessage(db, { ...good, cases: [{ ...row, unparsed: { countdown: ['x'.repeat(600)] } }] });
    expect(long).toMatchObject({
      ok: true,
      value: { saved: 0, rejected: [{ reason: expect.stringMatching(/unparsed/) }] },
    });
  });

  it('refuses a frame/reading message sent to the background', async () => {
    db = createDb(`msg-${++n}`);
    const r = await handleMessage(db, {
      type: 'frame/reading',
      url: good.source.url,
      reading: { page: 'refund-list', era: 'qianniu', platform: 'taobao', stats: {}, missing: [], cases: [] },
    });
    expect(r.ok).toBe(false);
  });
});

describe('the page data responses, kept in the background by the frame they came to', () => {
  const id = good.cases[0]!.disputeId;
  // Shaped as docs/reference/page-data.md describes the list: under data.resultData, money as yuan strings, codes as numbers.
  const vo = {
    disputeId: id,
    gmtPay: '2026-11-18 09:00:00',
    goodsStatus: 2,
    disputeBodyVO: { refundFee: '118.00', buyerActualFee: '236.00' },
  };
  const envelope = (rows: unknown[]) =>
    JSON.stringify({
      api: 'mtop.alibaba.refundface2.disputeservice.qianniu.pc.disputelistv2',
      ret: ['SUCCESS::调用成功'],
      data: { resultData: { disputeGridVOList: rows } },
    });
  const response = envelope([vo]);
  const forward = (data: PageData, sender: { tabId?: number; frameId?: number }, doc = 'doc-1', text = response) =>
    handleMessage(db, { type: 'page/data', doc, platform: 'taobao', text }, sender, { data });
  const seen = (
    data: PageData,
    sender: { tabId?: number; frameId?: number },
    extra: Record<string, unknown> = {},
    hooks = {},
  ) => handleMessage(db, { ...good, doc: 'doc-1', ...extra }, sender, { data, ...hooks });

  it('fills what the rows did not show in the ledger and the badges, and the rows stay the authority', async () => {
    db = createDb(`msg-${++n}`);
    const data = new PageData();
    expect(await forward(data, { tabId: 7, frameId: 0 })).toEqual({ ok: true, value: { epoch: data.epoch } });
    const r = await seen(data, { tabId: 7, frameId: 0 });
    expect(r).toMatchObject({ ok: true, value: { saved: 1, epoch: data.epoch } });
    const rec = await db.cases.get(`taobao:${id}`);
    expect(rec).toMatchObject({ paidAt: '2026-11-18T09:00:00+08:00', paidFen: 23600, refundFen: 11800 });
    expect(rec?.fromData).toEqual(['paidFen', 'paidAt']);
    // A goods code nothing on the page confirmed stays out.
    expect(rec?.goodsStatus).toBeUndefined();
  });

  it('keeps a field in the wrong unit out of the ledger and the sidebar, and tells the sidebar why', async () => {
    db = createDb(`msg-${++n}`);
    const data = new PageData();
    await forward(
      data,
      { tabId: 7, frameId: 0 },
      'doc-1',
      envelope([{ ...vo, disputeBodyVO: { refundFee: '1.18', buyerActualFee: '2.36' } }]),
    );
    const posted: {
      reading: { cases: { paidFen?: number }[] };
      dataNotes?: { level: string; path: string; text: string }[];
    }[] = [];
    const meta = { page: 'refund-list', era: 'qianniu', platform: 'taobao', stats: {}, missing: [] };
    await seen(
      data,
      { tabId: 7, frameId: 0 },
      { sidebar: { seq: 1, last: true, reading: meta } },
      { showInSidebar: (_t: number, m: never) => posted.push(m) > 0 },
    );
    expect((await db.cases.get(`taobao:${id}`))?.paidFen).toBeUndefined();
    expect(posted[0]!.reading.cases[0]!.paidFen).toBeUndefined();
    expect(posted[0]!.dataNotes?.[0]).toMatchObject({
      level: 'off',
      path: 'disputeBodyVO.refundFee',
      text: expect.stringMatching(/1\.18/),
    });
    // Another tab's sidebar hears nothing of this tab's data.
    expect(data.notes(8)).toEqual([]);
  });

  it('takes a JSONP body, and a summary-only answer after the list neither drops its cases nor troubles the sidebar', async () => {
    db = createDb(`msg-${++n}`);
    const data = new PageData();
    expect(await forward(data, { tabId: 7, frameId: 0 }, 'doc-1', `mtopjsonp3(${response})`)).toMatchObject({
      ok: true,
    });
    const summary = JSON.stringify({
      api: 'mtop.alibaba.refundface2.disputeservice.qianniu.pc.disputelistv2',
      ret: ['SUCCESS::调用成功'],
      data: { resultData: { donutVO: { total: 1 } } },
    });
    expect(await forward(data, { tabId: 7, frameId: 0 }, 'doc-1', summary)).toMatchObject({ ok: true });
    await seen(data, { tabId: 7, frameId: 0 });
    expect((await db.cases.get(`taobao:${id}`))?.paidFen).toBe(23600);
    expect(data.notes(7)).toEqual([]);
  });

  it('fills only the cases of the frame and document the responses came to', async () => {
    db = createDb(`msg-${++n}`);
    const data = new PageData();
    await forward(data, { tabId: 7, frameId: 0 });
    // Another tab, another frame, and the same frame's next page: nothing of it.
    for (const [sender, doc] of [
      [{ tabId: 8, frameId: 0 }, 'doc-1'],
      [{ tabId: 7, frameId: 2 }, 'doc-1'],
      [{ tabId: 7, frameId: 0 }, 'doc-2'],
    ] as const) {
      await seen(data, sender, { doc });
      expect((await db.cases.get(`taobao:${id}`))?.paidAt, `${JSON.stringify(sender)} ${doc}`).toBeUndefined();
    }
    // The next page's own response replaces the last page's.
    await forward(data, { tabId: 7, frameId: 0 }, 'doc-2', envelope([{ ...vo, gmtPay: '2026-11-19 09:00:00' }]));
    await seen(data, { tabId: 7, frameId: 0 }, { doc: 'doc-2' });
    expect((await db.cases.get(`taobao:${id}`))?.paidAt).toBe('2026-11-19T09:00:00+08:00');
    data.dropTab(7);
    await db.cases.clear();
    await seen(data, { tabId: 7, frameId: 0 }, { doc: 'doc-2' });
    expect((await db.cases.get(`taobao:${id}`))?.paidAt, "a closed tab's data is gone").toBeUndefined();
  });

  it("passes the filled cases on to the sidebar, and a child frame's to its top frame", async () => {
    db = createDb(`msg-${++n}`);
    const data = new PageData();
    const meta = { page: 'refund-list', era: 'qianniu', platform: 'taobao', stats: {}, missing: [] };
    const posted: unknown[] = [];
    const showInSidebar = (_tab: number, m: unknown) => posted.push(m) > 0;
    await forward(data, { tabId: 7, frameId: 0 });
    await seen(data, { tabId: 7, frameId: 0 }, { sidebar: { seq: 1, last: true, reading: meta } }, { showInSidebar });
    // A sidebar opened later gets the page's reading through the background too.
    const show = await handleMessage(
      db,
      { type: 'reading/show', doc: 'doc-1', seq: 2, last: true, readAt: 5, reading: { ...meta, cases: good.cases } },
      { tabId: 7, frameId: 0 },
      { data, showInSidebar },
    );
    expect(show).toEqual({ ok: true, value: { shown: true, epoch: data.epoch } });
    expect(posted.map((m) => (m as { reading: { cases: { paidFen?: number }[] } }).reading.cases[0]!.paidFen)).toEqual([
      23600, 23600,
    ]);
    const relayed: unknown[] = [];
    await forward(data, { tabId: 7, frameId: 3 }, 'doc-f');
    await seen(
      data,
      { tabId: 7, frameId: 3 },
      { doc: 'doc-f', frameReading: { ...meta, cases: good.cases } },
      { relayToTop: async (_t: number, m: unknown) => void relayed.push(m) },
    );
    expect((relayed[0] as { reading: { cases: { paidFen?: number }[] } }).reading.cases[0]!.paidFen).toBe(23600);
  });

  it('rejects a response that is not JSON, and data or a sidebar reading from where it cannot come', async () => {
    db = createDb(`msg-${++n}`);
    const data = new PageData();
    expect(await forward(data, { tabId: 7, frameId: 0 }, 'doc-1', '<html>login</html>')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not JSON/),
    });
    expect(await forward(data, {})).toMatchObject({ ok: false, error: expect.stringMatching(/content script/) });
    expect(await forward(data, { tabId: 7, frameId: 0 }, '../etc')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/doc/),
    });
    const reading = {
      page: 'refund-list',
      era: 'qianniu',
      platform: 'taobao',
      stats: {},
      missing: [],
      cases: good.cases,
    };
    const fromChild = await handleMessage(
      db,
      { type: 'reading/show', seq: 1, last: true, readAt: 5, reading },
      { tabId: 7, frameId: 2 },
      { data },
    );
    expect(fromChild).toMatchObject({ ok: false, error: expect.stringMatching(/top frame/) });
    await seen(data, { tabId: 7, frameId: 0 });
    expect((await db.cases.get(`taobao:${id}`))?.fromData).toBeUndefined();
  });

  it('tells a page when the worker that held its responses is gone', async () => {
    db = createDb(`msg-${++n}`);
    const before = new PageData();
    await forward(before, { tabId: 7, frameId: 0 });
    const after = new PageData();
    const r = await seen(after, { tabId: 7, frameId: 0 });
    expect(r.ok && (r.value as { epoch: string }).epoch).not.toBe(before.epoch);
    expect(
      (await db.cases.get(`taobao:${id}`))?.paidAt,
      'nothing to fill from until the page forwards again',
    ).toBeUndefined();
    await forward(after, { tabId: 7, frameId: 0 });
    await seen(after, { tabId: 7, frameId: 0 });
    expect((await db.cases.get(`taobao:${id}`))?.paidAt).toBe('2026-11-18T09:00:00+08:00');
  });
});

describe('storage failures', () => {
  it('tells the user in plain words when storage is full, and the batch is not half-applied', async () => {
    const { storageError } = await import('../../../entrypoints/background/handlers');
    const quota = Object.assign(new Error('quota'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } });
    expect(storageError(quota)).toMatch(/本地存储空间已满/);
    expect(storageError(new Error('boom'))).toMatch(/本地台账出错.*boom/);
  });
});
