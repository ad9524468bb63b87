/**
 * The seller-backend hosts the extension runs on. This list is the extension's whole reach:
 * the content script matches and the host permissions are built from it, and a test checks
 * the built manifest against it. Add a host only with the reason beside it.
 */
export const SELLER_HOSTS = [
  'myseller.taobao.com', // 千牛 web / 卖家中心 (new): 售后工作台, 退款管理, 换货管理, 退货邮费
  'qn.taobao.com', // the same 千牛 web pages under the qn host (refund detail links go here)
  'refund2.taobao.com', // old Taobao refund list and detail (sellerDisputeList.htm)
  'refund2.tmall.com', // old Tmall refund list and detail
] as const;

export type SellerHost = (typeof SELLER_HOSTS)[number];

export const SELLER_HOST_PATTERNS: readonly string[] = SELLER_HOSTS.map((host) => `https://${host}/*`);

export function isSellerHost(host: string): host is SellerHost {
  return (SELLER_HOSTS as readonly string[]).includes(host);
}
