/** Where a case lives in the seller backend: the page a notification or a popup row opens. */
import type { CaseKind, Observation, Platform } from '../shared/types';

export interface CaseLocation {
  platform: Platform;
  disputeId: string;
  orderId?: string;
  kind: CaseKind;
  lastSource?: Observation;
}

/** 退款管理 on the 千牛 web backend: where the welcome page and the popup of an empty ledger send staff first. */
export const REFUND_LIST_URL = 'https://myseller.taobao.com/home.htm/trade-platform/refund-list';

/** The case's own detail page, on the host and in the era it was last seen. */
export function caseUrl(c: CaseLocation): string {
  const seen = c.lastSource ? new URL(c.lastSource.url) : undefined;
  if (seen && seen.hostname.startsWith('refund2.')) {
    const order = c.orderId ? `bizOrderId=${encodeURIComponent(c.orderId)}&` : '';
    return `https://${seen.hostname}/dispute/detail.htm?${order}disputeId=${encodeURIComponent(c.disputeId)}&disputeType=1`;
  }
  const host =
    seen?.hostname === 'myseller.taobao.com' || seen?.hostname === 'qn.taobao.com'
      ? seen.hostname
      : 'myseller.taobao.com';
  const list = c.kind === 'exchange' ? 'exchange-list' : 'refund-list';
  return `https://${host}/home.htm/trade-platform/${list}/detail?disputeId=${encodeURIComponent(c.disputeId)}&type=1`;
}

/** Whether an open tab's address shows this case (its detail page, on any seller host). */
export function urlShowsCase(url: string, disputeId: string): boolean {
  try {
    const u = new URL(url);
    return u.searchParams.get('disputeId') === disputeId;
  } catch {
    return false;
  }
}
