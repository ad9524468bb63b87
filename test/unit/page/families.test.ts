// @vitest-environment happy-dom
// Every layout family and redesign mutation reads the same cases and fields; buyer text in any
// free-text region never changes a fact.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskBuyer } from '../../../lib/page/parse';
import { readPage } from '../../../lib/page/read';
import { chinaWallIso } from '../../../lib/shared/china-time';
import type { CaseSnapshot } from '../../../lib/shared/types';
import { fixtureDocument } from '../fixtures';
import {
  CASES,
  DETAIL_FAMILIES,
  detailUrl,
  FREE_FIELDS,
  LIST_FAMILIES,
  LIST_URL,
  MUTATIONS,
  NOW,
  PLAIN,
  render,
  type CaseSpec,
  type Family,
  type Field,
  type Mutation,
} from './families';

const STATUS: Record<string, CaseSnapshot['status']> = {
  '买家已经申请退款，等待卖家同意': 'WAIT_SELLER_AGREE',
  '买家已退货，等待卖家确认收货': 'WAIT_SELLER_CONFIRM_GOODS',
  退款成功: 'SUCCESS',
};

function read(family: Family, m: Mutation, free: Partial<Record<Field, string>> = {}, cases = CASES) {
  const detail = DETAIL_FAMILIES.includes(family);
  const doc = fixtureDocument(`<html><body>${render(family, cases, m, free)}</body></html>`);
  return readPage(doc, { url: detail ? detailUrl(cases[0]!) : LIST_URL, now: NOW });
}

/** The facts of a case that no buyer text may change. */
function facts(c: CaseSnapshot) {
  return {
    id: c.disputeId,
    orderId: c.orderId,
    status: c.status,
    refundFen: c.refundFen,
    appliedAt: c.appliedAt,
    type: c.refundType,
    deadline: c.pageDeadline?.at,
    flags: c.flags,
  };
}

function expectCase(c: CaseSnapshot | undefined, spec: CaseSpec, family: Family) {
  expect(c, `${family}: case ${spec.id}`).toBeDefined();
  const a = spec.applied;
  expect(c!.disputeId).toBe(spec.id);
  expect(c!.orderId).toBe(spec.orderId);
  expect(c!.status).toBe(STATUS[spec.status]);
  expect(c!.refundFen).toBe(spec.refundFen);
  expect(c!.appliedAt).toBe(chinaWallIso(a.y, a.mo, a.d, a.h, a.mi, 0));
  expect(c!.refundType).toBe(spec.type);
  expect(c!.reason).toBe(spec.reason);
  expect(c!.buyer).toBe(maskBuyer(spec.buyer));
  if (spec.countdown) {
    expect(c!.pageDeadline, `${family}: countdown of ${spec.id}`).toBeDefined();
    expect(c!.pageDeadline!.text).toBe(spec.countdown);
  } else {
    expect(c!.pageDeadline).toBeUndefined();
  }
  expect(c!.drift).toBeUndefined();
}

describe('layout families', () => {
  for (const family of LIST_FAMILIES) {
    it.each(MUTATIONS.map((m, i) => [i, m] as const))(`${family}, mutation %i: reads every case and field`, (_, m) => {
      const r = read(family, m);
      expect(r.page).toBe('refund-list');
      expect(r.missing).toEqual([]);
      expect(r.cases.map((c) => c.disputeId)).toEqual(CASES.map((c) => c.id));
      CASES.forEach((spec, i) => expectCase(r.cases[i], spec, family));
    });
  }
  for (const family of DETAIL_FAMILIES) {
    it.each(MUTATIONS.map((m, i) => [i, m] as const))(
      `${family}, mutation %i: reads the case, its status and countdown`,
      (_, m) => {
        for (const spec of CASES) {
          const r = read(family, m, {}, [spec]);
          expect(r.page).toBe('refund-detail');
          expect(r.cases).toHaveLength(1);
          expectCase(r.cases[0], spec, family);
        }
      },
    );
  }

  it('a split table with a locked id column gives one case per row, not two', () => {
    const r = read('split-locked', PLAIN);
    expect(r.cases).toHaveLength(CASES.length);
    expect(new Set(r.cases.map((c) => c.disputeId)).size).toBe(CASES.length);
  });

  it('a row whose id shows only in its detail link is read by that id', () => {
    const html = `<table><thead><tr><th>宝贝</th><th>退款金额</th><th>退款状态</th><th>操作</th></tr></thead><tbody><tr><td>围巾</td><td>¥12.00</td><td>退款待处理 还剩3时</td><td><a href="/home.htm/trade-platform/refund-list/detail?disputeId=2871400000123&type=1">详情</a></td></tr></tbody></table>`;
    const r = readPage(fixtureDocument(`<html><body>${html}</body></html>`), { url: LIST_URL, now: NOW });
    expect(r.cases.map((c) => [c.disputeId, c.refundFen, c.status])).toEqual([
      ['2871400000123', 1200, 'WAIT_SELLER_AGREE'],
    ]);
  });
});

/** Hostile texts a buyer could write, each of which looks like a fact. */
const HOSTILE = [
  '售后状态：退款成功',
  '退款状态:退款关闭',
  '退款编号：1234567890123456789',
  '售后单号 9876543210987654321',
  '退款金额：¥0.01',
  '实付 ¥0.01',
  '¥99,999.00',
  '还剩0天0时1分',
  '还剩０天０时１分',
  '还\u200b剩0天0时1分',
  '5小时20分后自动同意',
  '已超时',
  '售后信息',
  '协商历史',
  '小二已介入',
  '<b>退款成功</b>',
  '申请时间：2099-01-01 00:00:00',
  '订单编号：1111111111111111111',
];

describe('buyer text is never a fact', () => {
  for (const family of [...LIST_FAMILIES, ...DETAIL_FAMILIES]) {
    for (const field of FREE_FIELDS) {
      it(`${family}: hostile ${field} changes nothing`, () => {
        const clean = read(family, PLAIN).cases.map(facts);
        for (const text of HOSTILE) {
          const dirty = read(family, PLAIN, { [field]: text }).cases.map(facts);
          expect(dirty, `${field} = ${text}`).toEqual(clean);
        }
      });
    }
  }

  it('random buyer text in any free-text region of any family never changes a fact', () => {
    const families = [...LIST_FAMILIES, ...DETAIL_FAMILIES];
    const bits = fc.oneof(
      fc.constantFrom(...HOSTILE),
      fc.string({ maxLength: 20 }),
      fc.constantFrom('：', ':', '¥', '还剩', '天', '时', '分', '后自动同意', '退款编号', '售后状态'),
    );
    const clean = new Map(families.map((f) => [f, read(f, PLAIN).cases.map(facts)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...families),
        fc.constantFrom(...FREE_FIELDS),
        fc.array(bits, { minLength: 1, maxLength: 5 }),
        (family, field, parts) => {
          const text = parts.join('');
          expect(read(family, PLAIN, { [field]: text }).cases.map(facts)).toEqual(clean.get(family));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('group headers', () => {
  it('a flat table of group-header rows, each above its own rows of columns, reads one case per header', () => {
    const html = `<table><thead><tr><th>宝贝</th><th>退款金额</th><th>售后状态</th></tr></thead><tbody>
      <tr><td colspan="3"><span>退款编号：3039485761203948001</span> <span>订单编号：4411223344556677881</span></td></tr>
      <tr><td>围巾</td><td>¥12.00</td><td>退款待处理 还剩3时</td></tr>
      <tr><td colspan="3"><span>退款编号：3039485761203948002</span> <span>订单编号：4411223344556677882</span></td></tr>
      <tr><td>茶杯</td><td>¥30.00</td><td>退款成功</td></tr></tbody></table>`;
    const r = readPage(fixtureDocument(`<html><body>${html}</body></html>`), { url: LIST_URL, now: NOW });
    expect(r.cases.map((c) => [c.disputeId, c.orderId, c.refundFen, c.status])).toEqual([
      ['3039485761203948001', '4411223344556677881', 1200, 'WAIT_SELLER_AGREE'],
      ['3039485761203948002', '4411223344556677882', 3000, 'SUCCESS'],
    ]);
  });

  it('a labelled summary card above a table with no id column names none of its rows', () => {
    const html = `<div><span>退款编号：</span><span>3039485761203948999</span></div><div><table><thead><tr><th>宝贝</th><th>退款金额</th><th>售后状态</th></tr></thead><tbody>
      <tr><td>围巾</td><td>¥12.00</td><td>退款待处理</td></tr><tr><td>茶杯</td><td>¥30.00</td><td>退款成功</td></tr></tbody></table></div>`;
    const r = readPage(fixtureDocument(`<html><body>${html}</body></html>`), { url: LIST_URL, now: NOW });
    expect(r.cases.map((c) => c.disputeId)).toEqual(['3039485761203948999']);
    expect(r.cases[0]!.refundFen).toBeUndefined();
    expect(r.missing).toContain('退款编号');
  });
});

describe('a list of one', () => {
  it('a group-header list showing one case still reads its columns', () => {
    const html = render('group-header', [CASES[0]!], PLAIN).replace(/<a [^>]*>[^<]*<\/a>/g, '');
    const r = readPage(fixtureDocument(`<html><body>${html}</body></html>`), { url: LIST_URL, now: NOW });
    expect(r.missing).toEqual([]);
    expectCase(r.cases[0], CASES[0]!, 'group-header');
  });
});
