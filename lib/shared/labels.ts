/**
 * The words staff read for the plain lists of lib/shared/types.ts: the one definition the views, the
 * ledger's exports and the 日报 share (lib/ui/format.ts re-exports them for the views).
 */
import type { AutoAction, CaseKind, CaseStatus, Platform } from './types';

export const ACTION_LABEL: Record<AutoAction, string> = {
  'auto-agree': '自动同意',
  'auto-refund': '自动退款',
  'auto-close': '自动关闭',
  'auto-confirm': '自动确认收货',
};

export const KIND_LABEL: Record<CaseKind, string> = { refund: '退款', exchange: '换货', postage: '邮费' };
export const PLATFORM_LABEL: Record<Platform, string> = { taobao: '淘宝', tmall: '天猫' };

/** A status as the page said it, else its name; 状态未知 for one not read. */
export function statusLabel(status: CaseStatus, statusText: string | undefined): string {
  return statusText ?? (status === 'UNKNOWN' ? '状态未知' : status);
}
