/** Reason categories from the buyer's free-text reason (退款原因 / 换货原因). */

export type ReasonCategory =
  | 'no-reason' // 七天无理由: 拍错/多拍/不想要, 尺码不合适, 不喜欢
  | 'quality' // 质量问题
  | 'not-as-described' // 描述不符, 材质/颜色/尺寸不符
  | 'missing-item' // 少件/漏发/空包裹
  | 'wrong-item' // 错发
  | 'damaged' // 破损
  | 'fake' // 假货/假冒品牌
  | 'not-received' // 未收到货 / 快递一直未送到 / 丢件
  | 'late-shipment' // 未按约定时间发货
  | 'agreed' // 协商一致
  | 'postage' // 退货运费 (邮费单)
  | 'unknown';

/** Seller's fault: the shop pays both legs of the postage. */
export const SELLER_FAULT_REASONS = [
  'quality',
  'not-as-described',
  'missing-item',
  'wrong-item',
  'damaged',
  'fake',
] as const satisfies readonly ReasonCategory[];
export const SELLER_FAULT: ReadonlySet<ReasonCategory> = new Set(SELLER_FAULT_REASONS);

const PATTERNS: [RegExp, ReasonCategory][] = [
  [/假货|假冒|仿冒|非正品|盗版/, 'fake'],
  [/破损|压坏|碎了|损坏/, 'damaged'],
  [/少件|漏发|少发|空包裹|少货|缺件/, 'missing-item'],
  [/错发|发错|发错货/, 'wrong-item'],
  [/质量问题|质量|做工|开线|掉色|故障|坏了|不能用|瑕疵/, 'quality'],
  [/描述不符|与描述|材质|面料|不符/, 'not-as-described'],
  [/未收到|没收到|一直未送到|未送达|丢件|丢失|物流停滞|快递.*未/, 'not-received'],
  [/未按约定时间发货|延迟发货|发货慢|超时发货|未发货/, 'late-shipment'],
  [/邮费|运费/, 'postage'],
  [/协商一致/, 'agreed'],
  [
    /七天无理由|7天无理由|无理由|拍错|多拍|不想要|不喜欢|尺码不合适|尺寸不合适|大小不合适|颜色不喜欢|买多了|其他原因/,
    'no-reason',
  ],
];

/**
 * @example reasonCategory('拍错/多拍/不想要') //=> 'no-reason'
 * @example reasonCategory('商品破损') //=> 'damaged'
 */
export function reasonCategory(reason: string | undefined): ReasonCategory {
  if (!reason) return 'unknown';
  for (const [re, category] of PATTERNS) if (re.test(reason)) return category;
  return 'unknown';
}

/** The classes the product team reads a problem item's cases by (问题商品). */
export const PROBLEM_CLASSES = [
  'quality',
  'not-as-described',
  'fit',
  'missing',
  'damaged',
  'dislike',
  'other',
] as const;
export type ProblemClass = (typeof PROBLEM_CLASSES)[number];

export const PROBLEM_CLASS_LABEL: Record<ProblemClass, string> = {
  quality: '质量问题',
  'not-as-described': '描述不符',
  fit: '尺码/不合适',
  missing: '少件漏发',
  damaged: '物流破损',
  dislike: '不喜欢',
  other: '其他',
};

const FIT = /尺码|尺寸|大小|码数|码子|偏大|偏小|不合身|不合适|太大|太小/;

/**
 * The product team's class of a buyer's reason: what the item (or its packing) did wrong first, then
 * fit, then a change of mind; anything else (not received, late shipment, postage …) is 其他.
 * @example problemClass('尺码不对') //=> 'fit'
 * @example problemClass('尺寸与描述不符') //=> 'not-as-described'
 */
export function problemClass(reason: string | undefined): ProblemClass {
  const c = reasonCategory(reason);
  if (c === 'quality') return 'quality';
  // 假货 is the item not being what the listing says.
  if (c === 'not-as-described' || c === 'fake') return 'not-as-described';
  // 错发 is the warehouse's error, as 少件 and 漏发 are.
  if (c === 'missing-item' || c === 'wrong-item') return 'missing';
  if (c === 'damaged') return 'damaged';
  if (reason && FIT.test(reason)) return 'fit';
  if (c === 'no-reason') return 'dislike';
  return 'other';
}
