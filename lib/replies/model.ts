/** Reply templates: the words staff send, with named placeholders filled from the case. */
import type { CaseKind, CaseSnapshot, CaseStatus, RefundType } from '../shared/types';
import type { Assessment } from '../engine/assess';
import type { ReasonCategory } from '../engine/reason';

export type ReplyCategory =
  | 'greeting' // 问候与首次响应
  | 'empathy' // 共情与致歉
  | 'ask-category' // 询问售后类型
  | 'return-terms' // 退货条件
  | 'refund' // 同意退款、到账
  | 'refuse' // 拒绝（附理由与替代方案）
  | 'logistics' // 物流：拦截、拒收、丢件
  | 'missing' // 少件漏发
  | 'damage' // 破损
  | 'exchange' // 换货
  | 'quality' // 质量问题
  | 'postage' // 运费
  | 'evidence' // 请买家提供凭证
  | 'dispute' // 平台介入前安抚
  | 'urge' // 买家催促
  | 'closing'; // 感谢与结束

export const CATEGORY_LABEL: Record<ReplyCategory, string> = {
  greeting: '问候',
  empathy: '共情致歉',
  'ask-category': '询问售后类型',
  'return-terms': '退货条件',
  refund: '退款',
  refuse: '拒绝说明',
  logistics: '物流',
  missing: '少件漏发',
  damage: '破损',
  exchange: '换货',
  quality: '质量问题',
  postage: '运费',
  evidence: '凭证',
  dispute: '协商安抚',
  urge: '催促回应',
  closing: '感谢结束',
};

/** When a template fits: every condition given must hold. */
export interface Fit {
  kinds?: CaseKind[];
  /**
   * The statuses it fits; none: any status that was read. Only a template listing 'UNKNOWN' is
   * offered for a case whose status was not read: its words must hold whatever the state is.
   */
  statuses?: CaseStatus[];
  refundTypes?: RefundType[];
  reasons?: ReasonCategory[];
  shipped?: boolean;
  received?: boolean;
  finished?: boolean;
  intervened?: boolean;
  urged?: boolean;
  /** 七天无理由 window already over when the buyer applied. */
  outsideSevenDay?: boolean;
  /** Within 6 hours of the platform's auto-action. */
  urgent?: boolean;
  /** Who pays the return leg, as the engine decided. */
  returnPaidBy?: Assessment['postage']['returnPaidBy'][];
  /** The engine found compensation owed. */
  compensation?: boolean;
  /** The engine's 七天无理由 judgement applies. */
  sevenDay?: boolean;
  /** The shop refused, and its refusal (协商历史) says this (a regular expression source). */
  refusedFor?: string;
  /** The shop promised 破损补寄. */
  reship?: boolean;
}

export interface ReplyTemplate {
  id: string;
  title: string;
  category: ReplyCategory;
  body: string;
  fit: Fit;
  /** Shown beside a suggestion: why it fits this case. */
  why: string;
  origin: 'shipped' | 'user';
  /** A realistic case this template is meant for (documentation, and the ranking test). */
  example?: Partial<CaseSnapshot>;
}

/** The placeholders a template may use, and what fills them. */
export const PLACEHOLDERS = {
  买家: '买家昵称（已打码）',
  订单号: '订单编号',
  退款金额: '退款金额',
  商品: '商品名称',
  剩余时间: '距平台自动处理的时间',
  截止时间: '平台自动处理的时刻',
  七天截止: '七天无理由截止时间',
  退货地址: '店铺的退货地址（设置）',
  运费承担: '运费由谁承担（规则判断）',
  赔付金额: '应赔付金额（规则判断）',
  运费: '买家所在省的运费（本店运费表，按退货发货地）',
  店铺: '店铺名（设置）',
  客服: '客服名（设置）',
} as const;

export type PlaceholderName = keyof typeof PLACEHOLDERS;
