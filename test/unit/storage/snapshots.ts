/** A refund case as a 退款管理 list shows it, and the source of a list reading: the ledger tests' inputs. */
import type { CaseSnapshot, RefundType } from '../../../lib/shared/types';

export const snapshotOf = (
  id: string,
  patch: Partial<CaseSnapshot> = {},
  refundType: RefundType = '仅退款',
): CaseSnapshot => ({
  platform: 'taobao',
  disputeId: id,
  kind: 'refund',
  refundType,
  status: 'WAIT_SELLER_AGREE',
  statusText: '退款待处理',
  flags: {},
  ...patch,
});

export const listSource = (readAt: string) => ({
  page: 'refund-list' as const,
  url: 'https://myseller.taobao.com/home.htm/trade-platform/refund-list',
  readAt,
});
