/**
 * The assessment of one case: when the platform will decide and what it will do, what to do next,
 * who pays which leg of the postage, what compensation is owed, and which evidence to gather.
 * Pure: no DOM, no browser API, no clock (`now` is an argument).
 */
import { DAY_MS, HOUR_MS, startOfChinaDay, toChinaIso } from '../shared/china-time';
import {
  FINAL_STATUSES,
  type AutoAction,
  type CaseSnapshot,
  type CaseStatus,
  type HistoryEntry,
} from '../shared/types';

type HistoryActor = NonNullable<HistoryEntry['by']>;
type HistoryEvent = NonNullable<HistoryEntry['event']>;
import { commitmentsInForce, type CommitmentsInForce, type Payer, type ShopPolicy } from './policy';
import { reasonCategory, SELLER_FAULT, type ReasonCategory } from './reason';
import { resolveRules, ruleParam, type Rule, type RuleId } from './rules';
import { workingMsBetween } from './working-hours';

export type Actor = 'seller' | 'buyer';
export type Tier = 'overdue' | 'lt6h' | 'lt24h' | 'later' | 'none';

/**
 * When the platform acts next. Whose turn it is and what the platform then does follow from the
 * case's state: when the state was read, a `StateDeadline`; when it was not (UNKNOWN), only the
 * page's countdown as shown (`CountdownOnly`). `actor === null` tells them apart.
 */
export type Deadline = StateDeadline | CountdownOnly;

/** A deadline on a case whose state was read: whose turn it is and what happens at the end are known. */
export interface StateDeadline {
  at: string;
  actor: Actor;
  consequence: AutoAction;
  /** `page`: the platform's own countdown; `rule`: computed from a rule (an estimate). */
  basis: 'page' | 'rule';
  ruleId?: RuleId;
  why: string;
}

/**
 * The page's countdown on a case whose state was not read (状态未读到): the instant and the text as
 * shown, and the action only where the page's own words announce it (…后自动同意 / 自动退款 / 自动关闭).
 * Nobody's turn is assumed. The instant is real: the tier and the alerts follow it all the same.
 */
export interface CountdownOnly {
  at: string;
  actor: null;
  /** What the page's words announce; null when they announce nothing. */
  consequence: AutoAction | null;
  basis: 'page';
  /** The countdown exactly as shown, e.g. 还剩1天6时40分. */
  text: string;
  why: string;
}

/** A fact the page did not show, without which an output is left out rather than guessed. */
export type Fact = 'status';

/** The outputs that turn on the case's state: whose turn it is, what the platform then does, the next steps. */
export type StateOutput = 'actor' | 'consequence' | 'steps';

/** Outputs left out because the page did not show what they turn on, each with the facts it needs (shown as 需要：售后状态). */
export type Needs = Partial<Record<StateOutput, Fact[]>>;

export interface UnknownDeadline {
  at: null;
  why: string;
}

export type PostagePayer = Payer | 'insurance' | 'none' | 'unknown';

export interface PostageAssessment {
  /** The first shipment to the buyer (for an exchange: the replacement's). */
  outboundPaidBy: PostagePayer;
  /** The buyer's return shipment. */
  returnPaidBy: PostagePayer;
  /** 破损补寄: who pays the reshipment, when the shop promised it. */
  reshipPaidBy?: Payer;
  rule: RuleId;
  why: string;
}

export type CompensationKind =
  'late-shipment' | 'shipping-promise' | 'fake-compensation' | 'quality-promise' | 'shop-promise';

export interface Compensation {
  kind: CompensationKind;
  /** Integer fen; null when the amount it depends on (实付) is not known. */
  fen: number | null;
  formula: string;
  rule: RuleId;
}

export interface SevenDay {
  /** Whether 七天无理由 is what this case turns on. */
  applies: boolean;
  endsAt: string | null;
  /** Whether the application came inside the window (null: unknown). */
  appliedInWindow: boolean | null;
  windowDays: number;
  why: string;
  /** 商品完好: for staff to confirm on the returned goods, never guessed. */
  checklist: string[];
  rule: RuleId;
}

export interface RiskFlag {
  id:
    'due-within-24h' | 'overdue' | 'platform-intervened' | 'dispute-risk' | 'counts-toward-refund-rate' | 'buyer-urged';
  text: string;
}

export interface Assessment {
  /** The next pending deadline; `{ at: null, why }` when it cannot be known; null when nothing is pending. */
  deadline: Deadline | UnknownDeadline | null;
  deadlines: Deadline[];
  tier: Tier;
  /** Working time left before the deadline, when the shop set working hours. */
  workingMsLeft?: number;
  sevenDay: SevenDay;
  postage: PostageAssessment;
  compensation: Compensation[];
  /** The next steps; empty, with `needs.steps`, when the state was not read. */
  steps: string[];
  evidence: string[];
  flags: RiskFlag[];
  reasonCategory: ReasonCategory;
  /** What was left out rather than guessed, and why (empty when nothing was). */
  needs: Needs;
}

const SELLER_STATES: ReadonlySet<CaseStatus> = new Set<CaseStatus>([
  'WAIT_SELLER_AGREE',
  'WAIT_SELLER_CONFIRM_GOODS',
  'EXCHANGE_WAIT_SELLER_AGREE',
  'EXCHANGE_WAIT_SELLER_RECEIVE',
  'EXCHANGE_WAIT_SELLER_SEND',
  'POSTAGE_WAIT_SELLER',
]);

const ms = (iso: string | undefined): number | undefined => {
  const v = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isFinite(v) ? v : undefined;
};

/** The state was not read: nothing that turns on it is guessed. */
const stateUnread = (c: CaseSnapshot) => c.status === 'UNKNOWN';

/** What the platform does when a (read) state times out, when the page does not say. */
function defaultConsequence(c: CaseSnapshot): AutoAction {
  switch (c.status) {
    case 'WAIT_SELLER_AGREE':
      return c.refundType === '退货退款' ? 'auto-agree' : 'auto-refund';
    case 'WAIT_SELLER_CONFIRM_GOODS':
      return 'auto-refund';
    case 'EXCHANGE_WAIT_SELLER_AGREE':
    case 'POSTAGE_WAIT_SELLER':
      return 'auto-agree';
    case 'EXCHANGE_WAIT_BUYER_RECEIVE':
    case 'EXCHANGE_WAIT_SELLER_RECEIVE':
      return 'auto-confirm';
    default:
      return 'auto-close';
  }
}

/** When the current state began: the latest 协商历史 entry of that event by one of those actors (as the reader classified it). */
function historyTime(c: CaseSnapshot, by: readonly HistoryActor[], event: HistoryEvent): number | undefined {
  const hits = (c.history ?? [])
    .filter((h) => h.by !== undefined && by.includes(h.by) && h.event === event)
    .map((h) => ms(h.at))
    .filter((x): x is number => x !== undefined);
  return hits.length ? Math.max(...hits) : undefined;
}

const OPEN_DETAIL = '未知：请打开该售后单的详情页，读取平台倒计时或状态开始时间';

function ruleDeadline(c: CaseSnapshot, rules: Map<string, Rule>): StateDeadline | UnknownDeadline | null {
  const hours = (id: RuleId) => ruleParam(rules, id, 'hours') * HOUR_MS;
  const make = (ruleId: RuleId, start: number, actor: Actor, startWhat: string): StateDeadline => ({
    at: toChinaIso(start + hours(ruleId)),
    actor,
    consequence: defaultConsequence(c),
    basis: 'rule',
    ruleId,
    why: `按规则估算：${rules.get(ruleId)!.title}，自${startWhat}起 ${ruleParam(rules, ruleId, 'hours')} 小时`,
  });
  const applied = ms(c.appliedAt);
  switch (c.status) {
    case 'WAIT_SELLER_AGREE': {
      if (applied === undefined) return { at: null, why: `申请时间${OPEN_DETAIL}` };
      if (c.refundType === '退货退款') return make('deadline.return-refund-agree', applied, 'seller', '申请时间');
      if (c.refundType === '仅退款' && c.shipped === false)
        return make('deadline.refund-only-unshipped', applied, 'seller', '申请时间');
      if (c.refundType === '仅退款' && c.shipped === true)
        return make('deadline.refund-only-shipped', applied, 'seller', '申请时间');
      return { at: null, why: `退款类型或发货状态${OPEN_DETAIL}` };
    }
    case 'WAIT_BUYER_RETURN_GOODS': {
      const agreed = historyTime(c, ['seller', 'platform'], 'agreed');
      return agreed === undefined
        ? { at: null, why: `商家同意时间${OPEN_DETAIL}` }
        : make('deadline.buyer-return', agreed, 'buyer', '商家同意');
    }
    case 'SELLER_REFUSE_BUYER': {
      const refused = historyTime(c, ['seller'], 'refused');
      return refused === undefined
        ? { at: null, why: `商家拒绝时间${OPEN_DETAIL}` }
        : make('deadline.buyer-modify', refused, 'buyer', '商家拒绝');
    }
    case 'WAIT_SELLER_CONFIRM_GOODS': {
      const dispatched = ms(c.returnLogistics?.shippedAt) ?? historyTime(c, ['buyer'], 'returned');
      if (dispatched === undefined) return { at: null, why: `买家寄回时间${OPEN_DETAIL}` };
      const d = make('deadline.seller-confirm-goods', dispatched, 'seller', '买家寄回');
      const signed = ms(c.returnLogistics?.signedAt);
      if (c.platform === 'tmall' && signed !== undefined) {
        const cut = signed + hours('deadline.tmall-signed-return');
        if (cut < Date.parse(d.at)) {
          return {
            ...d,
            at: toChinaIso(cut),
            ruleId: 'deadline.tmall-signed-return',
            why: `按规则估算：${rules.get('deadline.tmall-signed-return')!.title}`,
          };
        }
      }
      return d;
    }
    case 'EXCHANGE_WAIT_SELLER_AGREE':
      return applied === undefined
        ? { at: null, why: `申请时间${OPEN_DETAIL}` }
        : make('deadline.exchange-agree', applied, 'seller', '申请时间');
    case 'UNKNOWN':
      return { at: null, why: `状态未读到，时限${OPEN_DETAIL}` };
    default:
      return FINAL_STATUSES.has(c.status) ? null : { at: null, why: `该状态的时限规则未知：${OPEN_DETAIL}` };
  }
}

export function tierOf(at: number | undefined, now: number): Tier {
  if (at === undefined) return 'none';
  const left = at - now;
  if (left <= 0) return 'overdue';
  if (left < 6 * HOUR_MS) return 'lt6h';
  if (left < 24 * HOUR_MS) return 'lt24h';
  return 'later';
}

const INTACT_CHECKLIST = [
  '吊牌、标签完好，未剪未拆',
  '商品未使用、未洗涤，无污渍、无人为损坏',
  '原厂包装（最小销售单元）完好；快递外包装不算',
  '配件、说明书、三包卡等齐全',
  '赠品一并退回（缺失可按价值折抵，不能因此拒绝退货）',
  '不属于不支持七天无理由的商品：定制、鲜活易腐、已拆封的音像/软件等数字商品、报刊',
];

function sevenDayOf(
  c: CaseSnapshot,
  category: ReasonCategory,
  commitments: CommitmentsInForce,
  rules: Map<string, Rule>,
): SevenDay {
  const promised = commitments['seven-day']?.days;
  const windowHours = promised ? promised * 24 : ruleParam(rules, 'seven-day.window', 'hours');
  const windowDays = windowHours / 24;
  const applies =
    (c.kind === 'refund' || c.kind === 'exchange') &&
    (category === 'no-reason' || category === 'unknown') &&
    c.goodsStatus !== 'BUYER_NOT_RECEIVED' &&
    !(c.refundType === '仅退款' && c.shipped === false);
  const signed = ms(c.signedAt);
  const base = { applies, windowDays, checklist: applies ? INTACT_CHECKLIST : [], rule: 'seven-day.window' as const };
  if (signed === undefined) {
    return {
      ...base,
      endsAt: null,
      appliedInWindow: null,
      why: applies ? '签收时间未知：请打开订单或售后详情页确认签收时间' : '本单不涉及七天无理由',
    };
  }
  // From 00:00 (China time) of the day after signing, the window's hours later.
  const ends = startOfChinaDay(signed) + DAY_MS + windowHours * HOUR_MS;
  const applied = ms(c.appliedAt);
  return {
    ...base,
    endsAt: toChinaIso(ends),
    appliedInWindow: applied === undefined ? null : applied < ends,
    why: `签收次日零时起 ${windowDays} 天${promised ? '（店铺承诺）' : ''}，至 ${toChinaIso(ends).slice(0, 16).replace('T', ' ')} 止`,
  };
}

function postageOf(
  c: CaseSnapshot,
  category: ReasonCategory,
  commitments: CommitmentsInForce,
  policy: ShopPolicy,
  rules: Map<string, Rule>,
): PostageAssessment {
  const title = (id: RuleId) => rules.get(id)!.title;
  const freeShipping = c.flags.freeShipping ?? policy.freeShippingDefault;
  const noReturn = c.refundType === '仅退款';
  let p: PostageAssessment;
  if (c.refundType === '仅退款' && c.shipped === false) {
    p = { outboundPaidBy: 'none', returnPaidBy: 'none', rule: 'postage.fault-undetermined', why: '未发货，不产生运费' };
  } else if (SELLER_FAULT.has(category) || category === 'not-received' || category === 'late-shipment') {
    p = {
      outboundPaidBy: 'seller',
      returnPaidBy: noReturn ? 'none' : 'seller',
      rule: 'postage.seller-fault',
      why: title('postage.seller-fault'),
    };
  } else if (category === 'no-reason' && c.kind === 'exchange') {
    p = {
      outboundPaidBy: 'buyer',
      returnPaidBy: 'buyer',
      rule: 'postage.no-reason-exchange',
      why: title('postage.no-reason-exchange'),
    };
  } else if (category === 'no-reason') {
    if (freeShipping === true)
      p = {
        outboundPaidBy: 'seller',
        returnPaidBy: noReturn ? 'none' : 'buyer',
        rule: 'postage.no-reason-free-shipping',
        why: title('postage.no-reason-free-shipping'),
      };
    else if (freeShipping === false)
      p = {
        outboundPaidBy: 'buyer',
        returnPaidBy: noReturn ? 'none' : 'buyer',
        rule: 'postage.no-reason-not-free',
        why: title('postage.no-reason-not-free'),
      };
    else
      p = {
        outboundPaidBy: 'unknown',
        returnPaidBy: noReturn ? 'none' : 'buyer',
        rule: 'postage.no-reason-free-shipping',
        why: '页面未显示是否包邮：包邮商品买家只付退货运费，非包邮商品买家付来回运费',
      };
  } else if (category === 'agreed' && !c.flags.platformIntervened) {
    p = {
      outboundPaidBy: 'seller',
      returnPaidBy: noReturn ? 'none' : 'seller',
      rule: 'postage.agreed-before-intervention',
      why: title('postage.agreed-before-intervention'),
    };
  } else {
    p = {
      outboundPaidBy: 'seller',
      returnPaidBy: noReturn ? 'none' : 'buyer',
      rule: 'postage.fault-undetermined',
      why: title('postage.fault-undetermined'),
    };
  }
  // The shop's promises override where they promise more.
  const returnPromise = commitments['return-promise'];
  const signed = ms(c.signedAt);
  const applied = ms(c.appliedAt);
  if (
    returnPromise &&
    p.returnPaidBy === 'buyer' &&
    (signed === undefined || applied === undefined || applied - signed <= returnPromise.days * DAY_MS)
  ) {
    p = {
      ...p,
      returnPaidBy: returnPromise.postagePaidBy,
      rule: 'postage.return-promise',
      why: `${title('postage.return-promise')}（${returnPromise.days} 天内，运费由${returnPromise.postagePaidBy === 'seller' ? '商家' : '买家'}承担）`,
    };
  }
  if ((c.flags.freightInsurance || commitments['freight-insurance']) && p.returnPaidBy === 'buyer') {
    p = {
      ...p,
      returnPaidBy: 'insurance',
      rule: 'postage.freight-insurance',
      why: `${p.why}；${title('postage.freight-insurance')}`,
    };
  }
  const reship = commitments['damage-reship'];
  if (reship && category === 'damaged')
    p = { ...p, reshipPaidBy: reship.reshipPaidBy, why: `${p.why}；${title('postage.damage-reship')}` };
  return p;
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

function compensationOf(
  c: CaseSnapshot,
  category: ReasonCategory,
  commitments: CommitmentsInForce,
  rules: Map<string, Rule>,
  now: number,
): Compensation[] {
  const out: Compensation[] = [];
  const paid = c.paidFen;
  // 延迟发货 / 发货时间承诺
  const lateRule = c.platform === 'tmall' ? 'compensation.late-shipment-tmall' : 'compensation.late-shipment-taobao';
  const promise = commitments['shipping-promise'];
  const shipHours = promise?.hours ?? ruleParam(rules, lateRule, 'defaultShipHours');
  const paidAt = ms(c.paidAt);
  const shippedAt = ms(c.shippedAt);
  const lateByTimes =
    paidAt !== undefined &&
    ((shippedAt !== undefined && shippedAt - paidAt > shipHours * HOUR_MS) ||
      (c.shipped === false && shippedAt === undefined && now - paidAt > shipHours * HOUR_MS));
  if (category === 'late-shipment' || lateByTimes) {
    const percent = ruleParam(rules, lateRule, 'percent');
    const minFen = ruleParam(rules, lateRule, 'minFen');
    const maxFen = ruleParam(rules, lateRule, 'maxFen');
    const fen = paid === undefined ? null : Math.round(Math.min(maxFen, Math.max(minFen, (paid * percent) / 100)));
    out.push({
      kind: promise ? 'shipping-promise' : 'late-shipment',
      fen,
      formula: `实付${paid === undefined ? '（未知）' : yuan(paid)} × ${percent}%，${minFen ? `最低 ${yuan(minFen)}，` : ''}最高 ${yuan(maxFen)}${promise ? `（店铺承诺 ${promise.hours} 小时内发货，与平台规定取高者）` : `（${shipHours} 小时内未发货）`}`,
      rule: lateRule,
    });
  }
  if (category === 'fake' && commitments['fake-3x']) {
    const k = ruleParam(rules, 'compensation.fake-3x', 'multiplier');
    out.push({
      kind: 'fake-compensation',
      fen: paid === undefined ? null : Math.round(paid * k),
      formula: `退回实付价款，另赔实付${paid === undefined ? '（未知）' : yuan(paid)} × ${k}，并承担全部运费`,
      rule: 'compensation.fake-3x',
    });
  }
  const quality = commitments['quality-promise'];
  if (quality && (category === 'quality' || category === 'not-as-described')) {
    out.push({
      kind: 'quality-promise',
      fen: quality.amountFen,
      formula: `退回价款并补偿约定赔偿金 ${yuan(quality.amountFen)}`,
      rule: 'compensation.quality-promise',
    });
  }
  return out;
}

function stepsOf(
  c: CaseSnapshot,
  category: ReasonCategory,
  sevenDay: SevenDay,
  commitments: CommitmentsInForce,
  rules: Map<string, Rule>,
): string[] {
  const s = c.status;
  // Every playbook starts from the state: without it, no step is proposed (not even "wait for the buyer").
  if (stateUnread(c)) return [];
  if (FINAL_STATUSES.has(s)) return ['本单已结束，无需操作；如买家仍有疑问，礼貌回复并记录'];
  if (c.kind === 'postage') {
    return [
      '核对退货物流是否已签收、邮费金额是否合理',
      '按运费责任决定：商家责任则同意打款；否则拒绝并写明原因',
      '拒绝前先与买家沟通，避免升级为平台介入',
    ];
  }
  if (c.kind === 'exchange') {
    if (s === 'EXCHANGE_WAIT_SELLER_AGREE')
      return [
        '确认要换的尺码/颜色有货',
        '有货：同意换货并提供退货地址；无货：与买家协商改为退货退款',
        '说明换货只支持一次',
      ];
    if (s === 'EXCHANGE_WAIT_SELLER_RECEIVE')
      return ['跟踪买家寄回的包裹', '签收后尽快验货', '验货无误即发出换货商品并填写单号'];
    if (s === 'EXCHANGE_WAIT_SELLER_SEND') return ['尽快发出换货商品并填写物流单号', '告知买家新单号'];
    return ['等待买家操作；必要时提醒买家在期限内处理'];
  }
  if (s === 'WAIT_SELLER_AGREE') {
    if (c.refundType === '仅退款' && c.shipped === false) {
      return [
        '确认仓库确实未发货；如已打单，先取消运单、拦截出库',
        '同意退款',
        ...(category === 'late-shipment' ? ['核对是否超过发货承诺时间，需要时主动赔付'] : []),
      ];
    }
    if (c.refundType === '仅退款' && category === 'missing-item') {
      return [
        '与仓库核对打包记录和出库称重',
        '向快递核对揽收重量',
        '确属少发：立即补发缺失部分，或按买家意愿部分退款',
        '非我方原因：保存称重和打包凭证，拒绝时上传',
      ];
    }
    if (c.refundType === '仅退款' && c.goodsStatus !== 'BUYER_RECEIVED') {
      return [
        '查询物流：包裹在途、滞留还是已签收',
        '在途：联系快递拦截，或请买家拒收；拦截/拒收成功后同意退款',
        '丢件：先给买家退款或补发，再向快递索赔',
        '买家坚持仅退款而包裹正常派送：上传发货凭证和物流记录后再拒绝',
      ];
    }
    if (c.refundType === '仅退款')
      return ['请买家说明原因并提供照片', '商家责任：同意退款或部分退款；否则与买家协商退货退款'];
    if (category === 'no-reason') {
      return [
        sevenDay.endsAt ? `确认在七天无理由期内（${sevenDay.why}）` : '确认签收时间，判断是否在七天无理由期内',
        '告知退货要求：吊牌、包装、配件、赠品完好',
        '同意退货，发送退货地址',
      ];
    }
    if (SELLER_FAULT.has(category)) {
      return [
        '请买家提供照片或视频，先确认问题',
        ...(category === 'damaged' && commitments['damage-reship']
          ? ['按破损补寄承诺：可补寄一次；补寄后仍破损则退货退款']
          : []),
        '同意退货退款（运费由我方承担），或与买家协商补偿',
        ...(category === 'fake' ? ['准备进货凭证、品牌授权等资质，以防平台介入'] : []),
      ];
    }
    return [
      '问清售后类别：是不合适/不喜欢，还是质量问题',
      '按类别告知退货要求或处理方案',
      '在期限内同意或拒绝，避免系统自动处理',
    ];
  }
  if (s === 'WAIT_SELLER_CONFIRM_GOODS') {
    return [
      '跟踪退货物流，签收后尽快验货',
      '商品完好：确认收货并退款',
      ...(category === 'no-reason' ? ['吊牌已拆、已洗涤或影响二次销售：可拒绝七天无理由，先拍照留证并说明原因'] : []),
      ...(c.platform === 'tmall'
        ? [`天猫：退件签收或拒收后，处理时间最多剩 ${ruleParam(rules, 'deadline.tmall-signed-return', 'hours')} 小时`]
        : []),
    ];
  }
  if (s === 'WAIT_BUYER_RETURN_GOODS') return ['提醒买家在期限内寄回并填写退货单号', '买家超时未寄回，退款会自动关闭'];
  if (s === 'SELLER_REFUSE_BUYER')
    return ['主动联系买家说明拒绝原因，争取协商一致', '准备凭证，以防买家申请平台介入', '买家修改申请后重新判断'];
  return ['打开详情页查看平台提示，按提示处理'];
}

const EVIDENCE_BASE = ['与买家的聊天记录（说明已积极协商）', '发货凭证与物流记录'];

function evidenceOf(c: CaseSnapshot, category: ReasonCategory): string[] {
  const looming = c.flags.platformIntervened || c.flags.evidenceAsked || c.status === 'SELLER_REFUSE_BUYER';
  if (!looming && c.status !== 'WAIT_SELLER_CONFIRM_GOODS') return [];
  const extra: string[] = [];
  if (category === 'fake') extra.push('进货凭证、品牌授权书等资质证明');
  if (category === 'quality' || category === 'not-as-described') extra.push('商品实拍与详情页描述对比、质检报告');
  if (category === 'missing-item') extra.push('打包视频、出库称重与快递揽收重量');
  if (category === 'damaged') extra.push('打包照片、快递签收时的外包装照片');
  if (category === 'no-reason' || c.status === 'WAIT_SELLER_CONFIRM_GOODS')
    extra.push('退回商品的照片（吊牌、包装、使用痕迹）');
  return [...extra, ...EVIDENCE_BASE];
}

function flagsOf(c: CaseSnapshot, tier: Tier): RiskFlag[] {
  const flags: RiskFlag[] = [];
  const unread = stateUnread(c);
  if (tier === 'overdue') flags.push({ id: 'overdue', text: unread ? '页面倒计时已到' : '已超过平台时限' });
  else if (tier === 'lt6h' || tier === 'lt24h')
    flags.push({ id: 'due-within-24h', text: unread ? '页面倒计时不足 24 小时' : '24 小时内平台将自动处理' });
  if (c.flags.platformIntervened) flags.push({ id: 'platform-intervened', text: '平台（小二）已介入：按时举证' });
  if (c.flags.platformIntervened || c.status === 'SELLER_REFUSE_BUYER')
    flags.push({ id: 'dispute-risk', text: '可能计入纠纷退款率' });
  // Whether the refund can still succeed (or already has) depends on the state: unread, not said.
  if (c.kind === 'refund' && !unread && !FINAL_STATUSES.has(c.status))
    flags.push({ id: 'counts-toward-refund-rate', text: '退款成功将计入退款率' });
  if (c.flags.buyerUrged) flags.push({ id: 'buyer-urged', text: '买家已催促' });
  return flags;
}

function needsOf(c: CaseSnapshot, deadline: Deadline | UnknownDeadline | null): Needs {
  if (!stateUnread(c)) return {};
  // The page's own words may still announce what happens (…后自动同意).
  const announced = !!deadline && deadline.at !== null && deadline.consequence !== null;
  return { actor: ['status'], ...(announced ? {} : { consequence: ['status'] }), steps: ['status'] };
}

/**
 * Assess a case.
 * @param c the case as read (and merged) from the pages
 * @param policy the shop's commitments, rule overrides and working hours
 * @param now epoch ms of "now"
 * @example assess(snapshot, EMPTY_POLICY, Date.parse('2026-11-22T15:00:00+08:00')).deadline
 */
export function assess(c: CaseSnapshot, policy: ShopPolicy, now: number): Assessment {
  const rules = resolveRules(policy.ruleOverrides);
  const category =
    c.kind === 'postage' && reasonCategory(c.reason) === 'postage'
      ? reasonCategory(c.reason?.replace(/退货运费|运费|邮费/g, ''))
      : reasonCategory(c.reason);
  // Promises are judged as they stood when the order was paid (or, unknown, when the case was opened).
  const commitments = commitmentsInForce(policy, ms(c.paidAt) ?? ms(c.appliedAt) ?? now);
  const { deadline, deadlines } = deadlinesOf(c, rules);
  const dueAt = deadline && deadline.at !== null ? Date.parse(deadline.at) : undefined;
  const tier = tierOf(dueAt, now);
  const sevenDay = sevenDayOf(c, category, commitments, rules);
  const assessment: Assessment = {
    deadline,
    deadlines,
    tier,
    sevenDay,
    postage: postageOf(c, category, commitments, policy, rules),
    compensation: compensationOf(c, category, commitments, rules, now),
    steps: stepsOf(c, category, sevenDay, commitments, rules),
    evidence: evidenceOf(c, category),
    flags: flagsOf(c, tier),
    reasonCategory: category,
    needs: needsOf(c, deadline),
  };
  if (policy.workingHours && dueAt !== undefined) {
    const left = workingMsBetween(now, dueAt, policy.workingHours, policy.holidays);
    if (left !== undefined) assessment.workingMsLeft = left;
  }
  return assessment;
}

/**
 * Only the deadlines of a case: what the ledger stores for ordering (no guidance needed there).
 * @example nextDeadline(snapshot, EMPTY_POLICY) //=> { at: '2026-11-26T10:00:00+08:00', basis: 'rule', … }
 */
export function nextDeadline(c: CaseSnapshot, policy: ShopPolicy): Deadline | UnknownDeadline | null {
  return deadlinesOf(c, resolveRules(policy.ruleOverrides)).deadline;
}

function deadlinesOf(
  c: CaseSnapshot,
  rules: Map<string, Rule>,
): { deadline: Deadline | UnknownDeadline | null; deadlines: Deadline[] } {
  const deadlines: Deadline[] = [];
  let deadline: Deadline | UnknownDeadline | null;
  const fromRule = FINAL_STATUSES.has(c.status) ? null : ruleDeadline(c, rules);
  const pageAt = ms(c.pageDeadline?.at);
  if (c.pageDeadline && pageAt !== undefined && stateUnread(c)) {
    // The countdown as the page shows it, and nothing more: no actor, no consequence the page did not state.
    deadline = {
      at: c.pageDeadline.at,
      actor: null,
      consequence: c.pageDeadline.action ?? null,
      basis: 'page',
      text: c.pageDeadline.text,
      why: `平台页面倒计时（${c.pageDeadline.text}）`,
    };
    deadlines.push(deadline);
  } else if (c.pageDeadline && pageAt !== undefined && !FINAL_STATUSES.has(c.status)) {
    deadline = {
      at: c.pageDeadline.at,
      actor: SELLER_STATES.has(c.status) ? 'seller' : 'buyer',
      consequence: c.pageDeadline.action ?? defaultConsequence(c),
      basis: 'page',
      why: `平台页面倒计时（${c.pageDeadline.text}）`,
    };
    deadlines.push(deadline);
    if (fromRule && fromRule.at !== null) deadlines.push(fromRule);
  } else {
    deadline = fromRule;
    if (fromRule && fromRule.at !== null) deadlines.push(fromRule);
  }
  return { deadline, deadlines };
}
