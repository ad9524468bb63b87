// @vitest-environment happy-dom
// 协商历史 as data: the reader says who acted (from the actor slot) and what happened; the engine
// reasons on that, never on the page's wording, and a buyer's words are never the seller's act.
import { describe, expect, it } from 'vitest';
import { assess, EMPTY_POLICY } from '../../../lib/engine';
import { readPage } from '../../../lib/page/read';
import { historyActor, historyEvent } from '../../../lib/page/vocabulary';
import { fixtureDocument } from '../fixtures';

const NOW = Date.parse('2026-11-22T15:00:00+08:00');
const URL =
  'https://myseller.taobao.com/home.htm/trade-platform/refund-list/detail?disputeId=3039485761203948001&type=1';

function detail(entries: [string, string, string][]) {
  const items = entries.map(([at, actor, text]) => `<li><span>${at}</span><b>${actor}</b> ${text}</li>`).join('');
  return `<html><body><div><div>退款编号：3039485761203948001</div><div>退款状态：待买家退货</div><div>订单编号：4411223344556677881</div></div><h3>协商历史</h3><ul>${items}</ul></body></html>`;
}

describe('协商历史 as data', () => {
  it("classifies who acted by the actor slot and what happened by the platform's wording", () => {
    expect(historyActor('卖家')).toBe('seller');
    expect(historyActor('系统')).toBe('platform');
    expect(historyActor('买家')).toBe('buyer');
    expect(historyEvent('seller', '卖家同意了退货申请')).toBe('agreed');
    expect(historyEvent('seller', '卖家拒绝了退款申请')).toBe('refused');
    expect(historyEvent('buyer', '买家已退货，退货单号 SF123')).toBe('returned');
    expect(historyEvent('buyer', '我同意，快点退')).toBeUndefined();
  });

  it("a seller's agreement starts the buyer's return window; a buyer's \"同意\" does not", () => {
    const c = readPage(
      fixtureDocument(
        detail([
          ['2026-11-20 10:00:00', '买家', '发起退款申请'],
          ['2026-11-21 16:00:00', '卖家', '卖家同意了退货申请'],
        ]),
      ),
      { url: URL, now: NOW },
    ).cases[0]!;
    expect(c.history!.map((h) => [h.by, h.event])).toEqual([
      ['buyer', undefined],
      ['seller', 'agreed'],
    ]);
    const a = assess(c, EMPTY_POLICY, NOW);
    expect(a.deadline && a.deadline.at).toBe('2026-11-28T16:00:00+08:00');
    const fake = readPage(fixtureDocument(detail([['2026-11-21 16:00:00', '买家', '卖家同意了退货申请']])), {
      url: URL,
      now: NOW,
    }).cases[0]!;
    expect(assess(fake, EMPTY_POLICY, NOW).deadline?.at).toBeNull();
  });

  it("the Tmall 48-hour step follows the shop's override of that rule", () => {
    const c = {
      platform: 'tmall' as const,
      disputeId: '1',
      kind: 'refund' as const,
      status: 'WAIT_SELLER_CONFIRM_GOODS' as const,
      flags: {},
    };
    expect(assess(c, EMPTY_POLICY, NOW).steps.join()).toContain('最多剩 48 小时');
    const policy = { ...EMPTY_POLICY, ruleOverrides: { 'deadline.tmall-signed-return': { hours: 24 } } };
    expect(assess(c, policy, NOW).steps.join()).toContain('最多剩 24 小时');
  });
});
