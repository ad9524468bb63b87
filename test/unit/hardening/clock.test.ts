import { describe, expect, it } from 'vitest';
import { assess, EMPTY_POLICY } from '../../../lib/engine';
import type { CaseSnapshot } from '../../../lib/shared/types';

describe('the clock jumping', () => {
  it('moves nothing but "time left": deadlines are instants, not timers', () => {
    const c: CaseSnapshot = {
      platform: 'taobao',
      disputeId: '1',
      kind: 'refund',
      refundType: '退货退款',
      status: 'WAIT_SELLER_AGREE',
      appliedAt: '2026-11-21T10:00:00+08:00',
      flags: {},
    };
    const before = assess(c, EMPTY_POLICY, Date.parse('2026-11-22T10:00:00+08:00'));
    const jumped = assess(c, EMPTY_POLICY, Date.parse('2026-11-25T23:00:00+08:00'));
    const back = assess(c, EMPTY_POLICY, Date.parse('2020-01-01T00:00:00+08:00'));
    expect(jumped.deadline).toEqual(before.deadline);
    expect(back.deadline).toEqual(before.deadline);
    expect([before.tier, jumped.tier, back.tier]).toEqual(['later', 'lt24h', 'later']);
  });
});
