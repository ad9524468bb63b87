// The page's data responses in the shapes public code written against the live pages shows
// (docs/reference/page-data.md, "The 千牛 list"): the samples are built here from those facts.
import { describe, expect, it } from 'vitest';
import { Calibration } from '../../../lib/page/calibration';
import {
  fillCases,
  idFrom,
  KeptRows,
  moneyFrom,
  parseResponseText,
  pendingNotes,
  rowsInResponse,
} from '../../../lib/page/mtop';
import type { CaseSnapshot } from '../../../lib/shared/types';

const NOW = Date.UTC(2026, 10, 22, 7, 0, 0);
const LIST_API = 'mtop.alibaba.refundface2.disputeservice.qianniu.pc.disputelistv2';

/** A row as A/B read it: bizOrderId and bizClaimType at the top, money in disputeBodyVO as yuan. */
const row = (orderId: string, extra: Record<string, unknown> = {}, body: Record<string, unknown> = {}) => ({
  bizOrderId: orderId,
  bizClaimType: 3,
  disputeBodyVO: {
    refundFee: '118.00',
    buyerActualFee: '236.00',
    refundFeeOptions: [{ x: 1 }],
    itemInfo: { auctionId: '6781234567890' },
    ...body,
  },
  ...extra,
});
/** The mtop envelope with the list under data.resultData (A, C). */
const listResponse = (
  rows: unknown[],
  where: (list: unknown[]) => unknown = (l) => ({
    resultData: { refundStatusSelectVO: { selectedId: '["-1"]' }, disputeGridVOList: l },
  }),
) => ({
  api: LIST_API,
  v: '1.0',
  ret: ['SUCCESS::调用成功'],
  data: where(rows),
});
const summary = {
  api: LIST_API,
  v: '1.0',
  ret: ['SUCCESS::调用成功'],
  data: { resultData: { donutVO: { total: 12, items: [{ name: '退款待处理', value: 3 }] } } },
};

/** A case as the page's rows show it. */
const shown = (disputeId: string, orderId: string | undefined, extra: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
  platform: 'taobao',
  disputeId,
  ...(orderId ? { orderId } : {}),
  kind: 'refund',
  status: 'UNKNOWN',
  flags: {},
  ...extra,
});

function fill(responses: unknown[], cases: CaseSnapshot[], cal = new Calibration()) {
  const rows = new KeptRows();
  for (const r of responses) rows.keep(rowsInResponse(r), 'taobao');
  return { cases: fillCases(cases, rows, cal, NOW), cal, rows };
}

describe('finding the rows of a response by structure', () => {
  it('finds the list under data.resultData, keyed by bizOrderId, ids as strings', () => {
    const found = rowsInResponse(listResponse([row('3491483612000010007'), row('3491483612000020007')]));
    expect(found.shape).toBe('disputelistv2 data.resultData.disputeGridVOList[]');
    expect(found.rows.map((r) => [r.disputeId, r.orderId])).toEqual([
      [undefined, '3491483612000010007'],
      [undefined, '3491483612000020007'],
    ]);
  });

  it('finds a list placed elsewhere, and failing the name, an array of rows carrying order ids', () => {
    const deep = rowsInResponse(
      listResponse([row('3491483612000010007')], (l) => ({ model: { page: { disputeGridVOList: l } } })),
    );
    expect(deep.shape).toBe('disputelistv2 data.model.page.disputeGridVOList[]');
    expect(deep.rows).toHaveLength(1);
    const unnamed = rowsInResponse(
      listResponse([row('3491483612000010007')], (l) => ({
        resultData: { donutVO: { total: 1 }, tableData: { records: l } },
      })),
    );
    expect(unnamed.shape).toBe('disputelistv2 data.resultData.tableData.records[]');
    expect(unnamed.rows[0]?.orderId).toBe('3491483612000010007');
  });

  it('takes no case from a summary-only response, and says so', () => {
    const found = rowsInResponse(summary);
    expect(found.rows).toEqual([]);
    expect(found.notes[0]?.text).toMatch(/donutVO/);
  });

  it('keeps the cases already kept when the next response is a summary', () => {
    const rows = new KeptRows();
    rows.keep(rowsInResponse(listResponse([row('3491483612000010007')])), 'taobao');
    rows.keep(rowsInResponse(summary), 'taobao');
    expect(rows.size).toBe(1);
  });

  it('rejects a 19-digit id that came as a JSON number, never rounding it into another id', () => {
    // JSON.parse has already turned 3491483612000010007 into 3491483612000010000.
    const body = parseResponseText(
      `{"api":"${LIST_API}","ret":["SUCCESS::调用成功"],"data":{"resultData":{"disputeGridVOList":[{"bizOrderId":3491483612000010007,"disputeBodyVO":{"refundFee":"118.00"}},{"bizOrderId":"3491483612000020007"}]}}}`,
    );
    const found = rowsInResponse(body);
    expect(found.rows.map((r) => r.orderId)).toEqual(['3491483612000020007']);
    expect(found.notes.map((n) => n.text).join()).toMatch(/精度|precision/);
    expect(idFrom(3491483612000010000, 6)).toMatchObject({ rejected: expect.any(String) });
    expect(idFrom(287140000008050, 5)).toEqual({ id: '287140000008050' });
    expect(idFrom('3491483612000010007', 6)).toEqual({ id: '3491483612000010007' });
  });

  it('reads a JSONP body as its JSON, and nothing from what is neither', () => {
    expect(
      rowsInResponse(parseResponseText(`mtopjsonp3(${JSON.stringify(listResponse([row('3491483612000010007')]))})`))
        .rows,
    ).toHaveLength(1);
    expect(parseResponseText('<html>login</html>')).toBeUndefined();
    expect(parseResponseText('mtopjsonp1(alert(1))')).toBeUndefined();
  });

  it.each([
    [
      'an error body',
      {
        api: LIST_API,
        ret: ['FAIL_SYS_ILLEGAL_ACCESS::非法请求'],
        data: { resultData: { disputeGridVOList: [row('3491483612000010007')] } },
      },
    ],
    ['a wrongly typed list', { data: { resultData: { disputeGridVOList: 'x' } } }],
    ['rows without ids', listResponse([{ bizOrderId: '<b>1</b>' }, { disputeId: 12.5 }, null, 'x'])],
    ['nothing', undefined],
    ['a string', 'mtopjsonp1({})'],
  ])('takes no case from %s', (_what, body) => {
    expect(rowsInResponse(body).rows).toEqual([]);
  });

  it('survives a hostile body: deep nesting, a __proto__ key, a huge list', () => {
    let deep: unknown = { disputeGridVOList: [row('3491483612000010007')] };
    for (let i = 0; i < 3000; i++) deep = { a: deep };
    expect(rowsInResponse({ data: deep }).rows).toEqual([]);
    const polluted = parseResponseText(
      `{"data":{"__proto__":{"polluted":1},"resultData":{"disputeGridVOList":[{"bizOrderId":"3491483612000010007","__proto__":{"refundFee":"1.00"}}]}}}`,
    );
    expect(rowsInResponse(polluted).rows).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const huge = rowsInResponse(
      listResponse(Array.from({ length: 6000 }, (_, i) => row(String(3491483612000010007n + BigInt(i))))),
    );
    expect(huge.rows).toHaveLength(5000);
  });
});

describe('money by evidence', () => {
  it.each([
    ['118.00', { fen: 11800 }],
    ['¥118.00', { fen: 11800 }],
    ['￥1,299.5', { fen: 129950 }],
    ['118', { bare: 118 }],
    [118, { bare: 118 }],
    [11800, { bare: 11800 }],
    ['-1', undefined],
    ['1e9', undefined],
    [-5, undefined],
    [Number.NaN, undefined],
  ])('%j', (raw, expected) => {
    const m = moneyFrom(raw, 'p');
    if (!expected) expect(m).toBeUndefined();
    else expect(m).toMatchObject(expected);
  });
});

describe('calibration: a field fills cases only after it agreed with the page', () => {
  const A = '3491483612000010007';
  const B = '3491483612000020007';

  it('a yuan string fills 实付 once 退款金额 agreed on a row, never before', () => {
    const response = listResponse([row(A), row(B, {}, { refundFee: '¥59.00', buyerActualFee: '￥236.00' })]);
    // The page shows no amount yet: nothing to agree with, nothing filled.
    const before = fill([response], [shown('2871000001', A), shown('2871000002', B)]);
    expect(before.cases.map((c) => c.paidFen)).toEqual([undefined, undefined]);
    // One row shows 退款金额 ¥118.00: refundFee agrees, so 实付 fills on both.
    const after = fill([response], [shown('2871000001', A, { refundFen: 11800 }), shown('2871000002', B)], before.cal);
    expect(after.cases.map((c) => c.paidFen)).toEqual([23600, 23600]);
    expect(after.cases[1]).toMatchObject({
      refundFen: 5900,
      fromData: expect.arrayContaining(['paidFen', 'refundFen']),
    });
    expect(after.cases[0]!.fromData).not.toContain('refundFen');
  });

  it('a bare number has no unit until calibrated: 118 against ¥118.00 is yuan, 11800 is fen', () => {
    const yuan = fill(
      [
        listResponse([
          row(A, {}, { refundFee: 118, buyerActualFee: 236 }),
          row(B, {}, { refundFee: 59, buyerActualFee: 59 }),
        ]),
      ],
      [shown('2871000001', A), shown('2871000002', B)],
    );
    expect(yuan.cases.map((c) => c.refundFen)).toEqual([undefined, undefined]);
    const yuanAfter = fill(
      [
        listResponse([
          row(A, {}, { refundFee: 118, buyerActualFee: 236 }),
          row(B, {}, { refundFee: 59, buyerActualFee: 59 }),
        ]),
      ],
      [shown('2871000001', A, { refundFen: 11800 }), shown('2871000002', B)],
      yuan.cal,
    );
    expect(yuanAfter.cases.map((c) => [c.refundFen, c.paidFen])).toEqual([
      [11800, 23600],
      [5900, 5900],
    ]);
    const fen = fill(
      [
        listResponse([
          row(A, {}, { refundFee: 11800, buyerActualFee: 23600 }),
          row(B, {}, { refundFee: 5900, buyerActualFee: 5900 }),
        ]),
      ],
      [shown('2871000001', A, { refundFen: 11800 }), shown('2871000002', B)],
    );
    expect(fen.cases.map((c) => [c.refundFen, c.paidFen])).toEqual([
      [11800, 23600],
      [5900, 5900],
    ]);
  });

  it("switches a disagreeing field off, records why, and lets nothing of the shape's money through", () => {
    // The data says 1.18 where the page shows ¥118.00: a wrong unit.
    const { cases, cal, rows } = fill(
      [
        listResponse([
          row(A, {}, { refundFee: '1.18', buyerActualFee: '2.36' }),
          row(B, {}, { refundFee: '0.59', buyerActualFee: '0.59' }),
        ]),
      ],
      [shown('2871000001', A, { refundFen: 11800 }), shown('2871000002', B)],
    );
    expect(cases.map((c) => [c.refundFen, c.paidFen])).toEqual([
      [11800, undefined],
      [undefined, undefined],
    ]);
    const [note] = cal.notes();
    expect(note).toMatchObject({ level: 'off', path: 'disputeBodyVO.refundFee', field: 'refundFen' });
    expect(note!.text).toMatch(/1\.18.*¥118\.00/);
    expect(pendingNotes(rows, cal, 'calibrated').map((n) => n.path)).toContain('disputeBodyVO.buyerActualFee');
  });

  it("checks again as the page's values change: a field comes back only when every current check agrees", () => {
    const cal = new Calibration();
    const rows = new KeptRows();
    rows.keep(rowsInResponse(listResponse([row(A), row(B)])), 'taobao');
    fillCases([shown('1', A, { refundFen: 9900 })], rows, cal, NOW);
    expect(cal.notes()).toHaveLength(1);
    expect(fillCases([shown('2', B)], rows, cal, NOW)[0]!.paidFen).toBeUndefined();
    // The page now shows the amount the data has (the stale value was the page's).
    fillCases([shown('1', A, { refundFen: 11800 })], rows, cal, NOW);
    expect(cal.notes()).toEqual([]);
    expect(fillCases([shown('2', B)], rows, cal, NOW)[0]!.paidFen).toBe(23600);
  });

  it('maps numeric codes through the tables, only once the code agreed with the visible value', () => {
    const response = listResponse([row(A, { refundStatus: 1 }), row(B, { refundStatus: 1, bizClaimType: 1 })]);
    const first = fill([response], [shown('1', A), shown('2', B)]);
    expect(first.cases.map((c) => [c.status, c.refundType])).toEqual([
      ['UNKNOWN', undefined],
      ['UNKNOWN', undefined],
    ]);
    const { cases } = fill(
      [response],
      [shown('1', A, { status: 'WAIT_SELLER_AGREE', refundType: '退货退款' }), shown('2', B)],
      first.cal,
    );
    expect(cases[1]).toMatchObject({
      status: 'WAIT_SELLER_AGREE',
      refundType: '仅退款',
      fromData: expect.arrayContaining(['status', 'refundType']),
    });
  });

  it('a status code that disagrees with the visible status is switched off; a status text wins over a code', () => {
    const { cases, cal } = fill(
      [listResponse([row(A, { refundStatus: 6 }), row(B, { refundStatus: 6 })])],
      [shown('1', A, { status: 'WAIT_SELLER_AGREE' }), shown('2', B)],
    );
    expect(cases[1]!.status).toBe('UNKNOWN');
    expect(cal.notes()[0]).toMatchObject({ path: 'refundStatus', level: 'off' });
    const text = fill(
      [
        listResponse([
          row(A, { refundStatus: 6, statusDesc: '退款待处理' }),
          row(B, { refundStatus: 6, statusDesc: '退款待处理' }),
        ]),
      ],
      [shown('1', A, { status: 'WAIT_SELLER_AGREE' }), shown('2', B)],
    );
    expect(text.cases[1]).toMatchObject({ status: 'WAIT_SELLER_AGREE', statusText: '退款待处理' });
  });

  it('matches by disputeId when both have it, else by bizOrderId, and never on an order two rows share', () => {
    const response = listResponse([row(A, { disputeId: '287140000008050' }), row(B)]);
    const { cases } = fill(
      [response],
      [
        shown('287140000008050', undefined, { refundFen: 11800 }),
        // Same order as the first data row, but another dispute: not its data.
        shown('287140000009999', A),
        shown('1', B),
        shown('2', B),
      ],
    );
    expect(cases.map((c) => c.paidFen)).toEqual([23600, undefined, undefined, undefined]);
    expect(cases[0]!.orderId).toBe(A);
  });

  it('uses a time only in the unambiguous "yyyy-MM-dd HH:mm:ss" China-time format', () => {
    const { cases } = fill(
      [listResponse([row(A, { gmtPay: '2026-11-18 09:00:00', gmtApply: Date.UTC(2026, 10, 20) })])],
      [shown('1', A)],
    );
    expect(cases[0]).toMatchObject({ paidAt: '2026-11-18T09:00:00+08:00' });
    expect(cases[0]!.appliedAt).toBeUndefined();
  });

  it("never fills a field the page showed, nor another platform's case", () => {
    const rows = new KeptRows();
    rows.keep(rowsInResponse(listResponse([row(A)])), 'tmall');
    const c = shown('1', A, { refundFen: 11800 });
    expect(fillCases([c], rows, new Calibration(), NOW)[0]).toBe(c);
  });
});
