import { chinaWallToMs, toChinaIso } from '../../../lib/shared/china-time';
import type { CaseSnapshot } from '../../../lib/shared/types';

/** China wall clock → epoch ms: at(2026, 11, 22, 15) is 2026-11-22 15:00 in China. */
export const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => chinaWallToMs(y, mo, d, h, mi, s);
export const iso = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => toChinaIso(at(y, mo, d, h, mi, s));
export const H = 3_600_000;
export const NOW = at(2026, 11, 22, 15, 0);

export function snap(patch: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    platform: 'taobao',
    disputeId: '287140000008050',
    kind: 'refund',
    refundType: '退货退款',
    status: 'WAIT_SELLER_AGREE',
    statusText: '退款待处理',
    shipped: true,
    goodsStatus: 'BUYER_RECEIVED',
    refundFen: 12800,
    paidFen: 12800,
    appliedAt: iso(2026, 11, 21, 10, 0),
    reason: '7天无理由退换货',
    flags: {},
    ...patch,
  };
}
