// @vitest-environment happy-dom
// The real lists' details: ids exactly as shown, countdowns only from their slots, status sentences
// without their links, and missing fields reported only when no case has them.
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/page/read';
import { fixtureDocument } from '../fixtures';
import { CASES, LIST_URL, NOW, PLAIN, render } from './families';

const read = (body: string, url = LIST_URL) =>
  readPage(fixtureDocument(`<html><body>${body}</body></html>`), { url, now: NOW });

const EXCHANGE_URL = 'https://myseller.taobao.com/home.htm/trade-platform/exchange-list';

describe('ids are the page text exactly', () => {
  it('keeps a letter prefix in an id column, and reads no id from a longer word', () => {
    const r = read(
      `<table><thead><tr><th>换货单号</th><th>订单编号</th><th>换货状态</th></tr></thead><tbody>
      <tr><td>EX2026112100001</td><td>4411223344556677881</td><td>换货待处理</td></tr>
      <tr><td>EX2026112100002X</td><td>4411223344556677882</td><td>换货待处理</td></tr></tbody></table>`,
      EXCHANGE_URL,
    );
    expect(r.cases.map((c) => [c.disputeId, c.kind, c.status])).toEqual([
      ['EX2026112100001', 'exchange', 'EXCHANGE_WAIT_SELLER_AGREE'],
    ]);
  });

  it('keeps a letter prefix in a group header', () => {
    const html = render('fusion-list', [CASES[0]!], PLAIN).replace(CASES[0]!.id, `EX${CASES[0]!.id.slice(0, 16)}`);
    expect(read(html).cases.map((c) => c.disputeId)).toEqual([`EX${CASES[0]!.id.slice(0, 16)}`]);
  });
});

describe('countdowns only from the case’s status or countdown slot', () => {
  it('a nick that reads like a countdown in a group header never voids the status column’s countdown', () => {
    const html = render('fusion-list', CASES, PLAIN).replace(`买家:${CASES[0]!.buyer}`, '买家:还剩9天');
    const c = read(html).cases[0]!;
    expect(c.pageDeadline?.text).toBe(CASES[0]!.countdown);
    expect(c.drift).toBeUndefined();
  });

  it('an item title in a card (【仅剩3天】…) never voids the card’s countdown', () => {
    const r = read(`<div class="list">
      <div class="card"><div>退款编号：3039485761203948001</div><a href="https://item.taobao.com/item.htm?id=1">【仅剩3天】羊毛围巾</a>
        <div>售后状态：退款待处理</div><div>还剩1天6时40分</div><div>退款金额：¥399.00</div></div>
      <div class="card"><div>退款编号：3039485761203948002</div><a href="https://item.taobao.com/item.htm?id=2">茶杯</a>
        <div>售后状态：退款待处理</div><div>还剩2天</div><div>退款金额：¥9.00</div></div></div>`);
    expect(r.cases.map((c) => c.pageDeadline?.text)).toEqual(['还剩1天6时40分', '还剩2天']);
    expect(r.cases.every((c) => !c.drift)).toBe(true);
  });

  it('a labelled status that states the countdown wins over other loose text', () => {
    const r = read(
      `<div><div>退款编号：3039485761203948001</div><div>售后状态：退款待处理 还剩5时</div><p>活动还剩2天</p></div>`,
    );
    expect(r.cases[0]!.pageDeadline?.text).toBe('还剩5时');
  });
});

describe('status sentences and drift warnings', () => {
  it('a status cell’s link is not part of the status', () => {
    const r = read(`<table><thead><tr><th>退款编号</th><th>退款金额</th><th>售后状态</th></tr></thead><tbody>
      <tr><td>3039485761203948001</td><td>¥1.00</td><td>退款关闭 <a href="#">查看详情</a></td></tr></tbody></table>`);
    expect(r.cases[0]!.statusText).toBe('退款关闭');
    expect(r.cases[0]!.status).toBe('CLOSED');
  });

  it('a field some cases lack is no drift warning; one no case has is', () => {
    const rows = (time: (i: number) => string) =>
      [0, 1]
        .map(
          (i) =>
            `<tr><td>303948576120394800${i}</td><td>441122334455667788${i}</td><td>¥1.00</td><td>${time(i)}</td><td>退款待处理</td></tr>`,
        )
        .join('');
    const table = (body: string) =>
      `<table><thead><tr><th>退款编号</th><th>订单编号</th><th>退款金额</th><th>申请时间</th><th>售后状态</th></tr></thead><tbody>${body}</tbody></table>`;
    expect(read(table(rows((i) => (i ? '2026-11-20 10:00:00' : '')))).missing).toEqual([]);
    expect(read(table(rows(() => ''))).missing).toEqual(['申请时间']);
  });

  it('a totals row without an id raises no alarm; a case row without one does', () => {
    const head = `<table><thead><tr><th>退款编号</th><th>退款金额</th><th>售后状态</th></tr></thead><tbody>
      <tr><td>3039485761203948001</td><td>¥1.00</td><td>退款待处理</td></tr>`;
    expect(read(`${head}<tr><td>合计</td><td></td><td></td></tr></tbody></table>`).missing).not.toContain('退款编号');
    expect(read(`${head}<tr><td></td><td>¥2.00</td><td>退款待处理</td></tr></tbody></table>`).missing).toContain(
      '退款编号',
    );
  });

  it('a date shown alone is never stored as midnight: missing, with a note', () => {
    const r =
      read(`<table><thead><tr><th>退款编号</th><th>退款金额</th><th>申请时间</th><th>售后状态</th></tr></thead><tbody>
      <tr><td>3039485761203948001</td><td>¥1.00</td><td>2026-11-21</td><td>退款待处理</td></tr></tbody></table>`);
    expect(r.cases[0]!.appliedAt).toBeUndefined();
    expect(r.cases[0]!.drift?.join()).toContain('申请时间');
  });
});

describe('售后工作台', () => {
  const WORKBENCH = 'https://myseller.taobao.com/home.htm/trade-platform/refund-workbench';
  it('reads its own due-soon list as cases: kind, id, countdown and the action it announces', () => {
    const r = read(
      `<div><div><div>24小时内待处理</div><div>11</div></div></div><div><div>即将超时（24小时内）</div>
      <div><a href="/home.htm/trade-platform/refund-list/detail?disputeId=287140000206549&type=1">仅退款 287140000206549</a> <span>还剩3时59分后自动退款</span></div>
      <div><a href="/home.htm/trade-platform/exchange-list/detail?disputeId=287140000214599&type=1">287140000214599</a> <span>还剩19时</span></div>
      <div><span>买家：仅退款 287140000299999</span></div></div>`,
      WORKBENCH,
    );
    expect(r.page).toBe('workbench');
    expect(r.stats).toEqual({ '24小时内待处理': 11 });
    expect(
      r.cases.map((c) => [c.disputeId, c.kind, c.refundType, c.status, c.pageDeadline?.text, c.pageDeadline?.action]),
    ).toEqual([
      ['287140000206549', 'refund', '仅退款', 'UNKNOWN', '还剩3时59分', 'auto-refund'],
      ['287140000214599', 'exchange', '换货', 'UNKNOWN', '还剩19时', undefined],
    ]);
  });
});
