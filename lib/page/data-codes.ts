/**
 * Numeric codes in the page's own data responses, and what each means, with the source of each entry
 * (see docs/reference/page-data.md: Alibaba's public dispute-domain enums, which the page API most
 * likely shares). A code is only a hint: the background uses a coded field only after it
 * agreed with what the page shows for the same case (lib/page/calibration.ts), and a status text in
 * the data always wins over a code. A code missing here means "unknown", never a guess.
 */
import type { CaseStatus, GoodsStatus, RefundType } from '../shared/types';

interface CodeEntry<T> {
  value: T;
  source: string;
}

const P_CLAIM = 'Aliyun LinkedMall RefundOrderCmd / TOP taobao.pc.refund.list: bizClaimType';
const P_STATUS = 'Aliyun LinkedMall RefundResult / TOP taobao.pc.refund.list: dispute_status';
const P_GOODS = 'Aliyun LinkedMall RefundResult / TOP taobao.pc.refund.list: goods_status';

/** `bizClaimType`: 1 仅退款, 3 退货退款 (P). Other codes are not attested. */
export const CLAIM_TYPE_CODES: Readonly<Record<string, CodeEntry<RefundType>>> = {
  '1': { value: '仅退款', source: P_CLAIM },
  '3': { value: '退货退款', source: P_CLAIM },
};

/** Dispute status: 1 待卖家同意, 5 退款成功, 6 卖家拒绝 (P). 2–4, 7, 8 are not attested with a meaning. */
export const STATUS_CODES: Readonly<Record<string, CodeEntry<CaseStatus>>> = {
  '1': { value: 'WAIT_SELLER_AGREE', source: P_STATUS },
  '5': { value: 'SUCCESS', source: P_STATUS },
  '6': { value: 'SELLER_REFUSE_BUYER', source: P_STATUS },
};

/** Goods status: 1 未收到货, 2 已收到货, 3 已寄回 (P). 4 未发货 and 6 已发货 say nothing of receipt. */
export const GOODS_CODES: Readonly<Record<string, CodeEntry<GoodsStatus>>> = {
  '1': { value: 'BUYER_NOT_RECEIVED', source: P_GOODS },
  '2': { value: 'BUYER_RECEIVED', source: P_GOODS },
  '3': { value: 'BUYER_RETURNED_GOODS', source: P_GOODS },
  '4': { value: 'BUYER_NOT_RECEIVED', source: `${P_GOODS} (4 未发货: nothing to receive)` },
};

/** A code as its table key: a small non-negative integer, as a JSON number or a string of digits. */
export function codeKey(v: unknown): string | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v < 1000 ? String(v) : undefined;
  if (typeof v === 'string') return /^\s*\d{1,3}\s*$/.test(v) ? String(Number(v)) : undefined;
  return undefined;
}

/** The meaning of a code in a table, or undefined (own keys only: a key such as `__proto__` finds nothing). */
export function fromCode<T>(table: Readonly<Record<string, CodeEntry<T>>>, v: unknown): T | undefined {
  const key = codeKey(v);
  return key !== undefined && Object.hasOwn(table, key) ? table[key]!.value : undefined;
}
