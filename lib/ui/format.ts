/** Display helpers shared by the sidebar, the popup and the options page. */
import { yuan, type CaseStatus, type PageKind } from '../shared/types';
import type { Fact } from '../engine/assess';
import { formatChinaShort } from '../shared/china-time';

export type { Tier } from '../engine/assessment';
export { tierOf } from '../engine/tier';
export { ACTION_LABEL, KIND_LABEL, PLATFORM_LABEL, statusLabel } from '../shared/labels';

/** 1天3时20分 / 3时05分 / 12分40秒: coarse far away, to the second near the end. */
export function formatLeft(ms: number): string {
  if (ms <= 0) return '已超时';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d}天${h}时${m}分`;
  if (h > 0) return `${h}时${String(m).padStart(2, '0')}分`;
  return `${m}分${String(sec).padStart(2, '0')}秒`;
}

export function formatFen(fen: number | undefined): string {
  return fen === undefined ? '—' : yuan(fen);
}

/** Said beside a countdown whose case's state was not read: whose turn it is is not known. */
export const STATE_UNREAD = '状态未读到：请打开详情页确认';

/** The facts an output may need, as staff call them (需要：售后状态). */
export const FACT_LABEL: Record<Fact, string> = { status: '售后状态' };

export const PAGE_LABEL: Record<PageKind, string> = {
  workbench: '售后工作台',
  'refund-list': '退款管理',
  'refund-detail': '退款详情',
  'exchange-list': '换货管理',
  'exchange-detail': '换货详情',
  'postage-list': '退货邮费',
  unknown: '未识别页面',
};

/** Each status in words staff know (the menu of "这是什么状态？"), Chinese and English. */
export const STATUS_NAME: Record<Exclude<CaseStatus, 'UNKNOWN'>, { zh: string; en: string }> = {
  WAIT_SELLER_AGREE: { zh: '待卖家处理（同意/拒绝退款）', en: 'waiting for the seller to agree' },
  SELLER_REFUSE_BUYER: { zh: '卖家已拒绝，待买家修改', en: 'refused, waiting for the buyer' },
  WAIT_BUYER_RETURN_GOODS: { zh: '待买家退货', en: 'waiting for the buyer to return' },
  WAIT_SELLER_CONFIRM_GOODS: { zh: '买家已退货，待卖家收货', en: 'returned, waiting for the seller to receive' },
  CLOSED: { zh: '退款关闭', en: 'closed' },
  SUCCESS: { zh: '退款成功', en: 'refunded' },
  EXCHANGE_WAIT_SELLER_AGREE: { zh: '换货待卖家处理', en: 'exchange: waiting for the seller' },
  EXCHANGE_WAIT_BUYER_RETURN: { zh: '换货待买家退货', en: 'exchange: waiting for the buyer to return' },
  EXCHANGE_WAIT_SELLER_RECEIVE: { zh: '买家已退货，待卖家收货', en: 'exchange: waiting for the seller to receive' },
  EXCHANGE_WAIT_SELLER_SEND: { zh: '待卖家发出换货商品', en: 'exchange: waiting for the seller to send' },
  EXCHANGE_WAIT_BUYER_RECEIVE: { zh: '待买家收货', en: 'exchange: waiting for the buyer to receive' },
  EXCHANGE_WAIT_BUYER_MODIFY: { zh: '待买家修改', en: 'exchange: waiting for the buyer to modify' },
  EXCHANGE_CLOSED: { zh: '换货关闭', en: 'exchange closed' },
  EXCHANGE_SUCCESS: { zh: '换货成功', en: 'exchange done' },
  POSTAGE_WAIT_ACTIVATE: { zh: '邮费单待激活', en: 'postage: not yet active' },
  POSTAGE_WAIT_SELLER: { zh: '邮费待卖家处理', en: 'postage: waiting for the seller' },
  POSTAGE_PAID: { zh: '邮费已打款', en: 'postage paid' },
  POSTAGE_REFUSED: { zh: '邮费已拒绝', en: 'postage refused' },
  POSTAGE_CLOSED: { zh: '邮费单关闭', en: 'postage closed' },
};

/** Who claimed a case (认领, team sync): 小王 12-03 10:32 认领 · 小李 12-03 10:40 认领. */
export function claimsText(claims: readonly { by: string; at: string }[]): string {
  // A row says the first few: its cost stays the same however many came.
  const shown = claims.slice(0, 3).map((c) => `${c.by} ${formatChinaShort(Date.parse(c.at))} 认领`);
  if (claims.length > 3) shown.push(`另有 ${claims.length - 3} 人认领`);
  return shown.join(' · ');
}
