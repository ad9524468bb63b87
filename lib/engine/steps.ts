/** The next steps and the evidence to gather, from the sellers' playbooks (the seed documents). */
import { FINAL_STATUSES, type CaseSnapshot } from '../shared/types';
import { stateUnread, type AppliedRule, type SevenDay } from './assessment';
import { applyRule } from './facts';
import type { CommitmentsInForce } from './policy';
import { SELLER_FAULT, type ReasonCategory } from './reason';
import { ruleParam, type Rule, type RuleId } from './rules';
import { returnPromiseWhy } from './seven-day';
import type { Facts } from './when';

const PAYER_WORD = { seller: '商家', buyer: '买家' } as const;

/** The steps and the rules that shaped them (e.g. the 退货承诺 period, with the conditions that held). */
export interface Steps {
  steps: string[];
  applied: AppliedRule[];
}

interface Ctx {
  c: CaseSnapshot;
  facts: Facts;
  sevenDay: SevenDay;
  commitments: CommitmentsInForce;
  rules: Map<string, Rule>;
  /** Rules applied while choosing the steps. */
  applied: AppliedRule[];
}

/** Apply a rule for the steps: its condition held, so it is recorded beside them. */
function use(ctx: Ctx, id: RuleId): AppliedRule | null {
  const hit = applyRule(ctx.rules, id, ctx.facts);
  if (hit) ctx.applied.push(hit);
  return hit;
}

/** The window a no-reason return falls in: the 7-day window, or the shop's 退货承诺 when it covers what the 7 days no longer do. */
function returnWindowStep(ctx: Ctx): string {
  const { sevenDay } = ctx;
  const promise = sevenDay.returnPromise;
  if (promise && use(ctx, 'promise.return-window'))
    return `七天无理由期已过，但在店铺退货承诺期内（${returnPromiseWhy(promise)}）：按承诺同意退货，发货和退货运费由${PAYER_WORD[promise.postagePaidBy]}承担`;
  if (!sevenDay.endsAt) return '确认签收时间，判断是否在七天无理由期内';
  if (sevenDay.appliedInWindow === false)
    return `申请已超过七天无理由期（${sevenDay.why}）${promise ? '和店铺退货承诺期' : ''}：不再适用无理由退货，先与买家沟通，可协商处理或拒绝`;
  return `确认在七天无理由期内（${sevenDay.why}）`;
}

/** A quality complaint against the shop's 退货承诺 period (seed 002): inside, return for a refund; outside, a small partial refund for a minor fault. */
function qualitySteps(ctx: Ctx): string[] {
  const promise = ctx.sevenDay.returnPromise;
  if (ctx.facts.reason !== 'quality' || !promise) return ['同意退货退款（运费由我方承担），或与买家协商补偿'];
  const period = returnPromiseWhy(promise);
  if (use(ctx, 'promise.quality-inside-return'))
    return [`在店铺退货承诺期内（${period}）：建议买家退回商品，店铺退款（运费由我方承担）`];
  if (use(ctx, 'promise.quality-outside-return'))
    return [
      `已过店铺退货承诺期（${period}）：小问题可与买家商量退几块钱（部分退款），让买家自己修补`,
      '问题较大、买家不接受：再按退货退款处理（运费由我方承担）',
    ];
  return [
    `签收或申请时间未知：先确认是否在店铺退货承诺期内（${period}）`,
    '期内：建议买家退回商品，店铺退款；期外的小问题：可商量退几块钱（部分退款），让买家自己修补',
  ];
}

function refundOnlySteps(ctx: Ctx): string[] {
  const { c, facts } = ctx;
  if (c.shipped === false) {
    return [
      '确认仓库确实未发货；如已打单，先取消运单、拦截出库',
      '同意退款',
      ...(facts.reason === 'late-shipment' ? ['核对是否超过发货承诺时间，需要时主动赔付'] : []),
    ];
  }
  if (facts.reason === 'missing-item') {
    return [
      '与仓库核对打包记录和出库称重',
      '向快递核对揽收重量',
      '确属少发：立即补发缺失部分，或按买家意愿部分退款',
      '非我方原因：保存称重和打包凭证，拒绝时上传',
    ];
  }
  if (c.goodsStatus !== 'BUYER_RECEIVED') {
    return [
      '查询物流：包裹在途、滞留还是已签收',
      '在途：联系快递拦截，或请买家拒收；拦截/拒收成功后同意退款',
      '丢件：先给买家退款或补发，再向快递索赔',
      '买家坚持仅退款而包裹正常派送：上传发货凭证和物流记录后再拒绝',
    ];
  }
  if (facts.reason === 'quality') return ['请买家说明原因并提供照片', ...qualitySteps(ctx)];
  return ['请买家说明原因并提供照片', '商家责任：同意退款或部分退款；否则与买家协商退货退款'];
}

function sellerAgreeSteps(ctx: Ctx): string[] {
  const { c, facts, commitments } = ctx;
  const category = facts.reason;
  if (c.refundType === '仅退款') return refundOnlySteps(ctx);
  if (category === 'no-reason')
    return [returnWindowStep(ctx), '告知退货要求：吊牌、包装、配件、赠品完好', '同意退货，发送退货地址'];
  if (SELLER_FAULT.has(category)) {
    return [
      '请买家提供照片或视频，先确认问题',
      ...(category === 'damaged' && commitments['damage-reship']
        ? ['按破损补寄承诺：可补寄一次；补寄后仍破损则退货退款']
        : []),
      ...qualitySteps(ctx),
      ...(category === 'fake' ? ['准备进货凭证、品牌授权等资质，以防平台介入'] : []),
    ];
  }
  const promise = ctx.sevenDay.returnPromise;
  return [
    '问清售后类别：是不合适/不喜欢，还是质量问题',
    ...(promise && use(ctx, 'promise.return-window')
      ? [`七天无理由期已过，但在店铺退货承诺期内（${returnPromiseWhy(promise)}）：不合适/不喜欢可按承诺退货`]
      : []),
    '按类别告知退货要求或处理方案',
    '在期限内同意或拒绝，避免系统自动处理',
  ];
}

function exchangeSteps(s: CaseSnapshot['status']): string[] {
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

function stepsByState(ctx: Ctx): string[] {
  const { c, facts, rules } = ctx;
  const s = c.status;
  if (FINAL_STATUSES.has(s)) return ['本单已结束，无需操作；如买家仍有疑问，礼貌回复并记录'];
  if (c.kind === 'postage') {
    return [
      '核对退货物流是否已签收、邮费金额是否合理',
      '按运费责任决定：商家责任则同意打款；否则拒绝并写明原因',
      '拒绝前先与买家沟通，避免升级为平台介入',
    ];
  }
  if (c.kind === 'exchange') return exchangeSteps(s);
  if (s === 'WAIT_SELLER_AGREE') return sellerAgreeSteps(ctx);
  if (s === 'WAIT_SELLER_CONFIRM_GOODS') {
    return [
      '跟踪退货物流，签收后尽快验货',
      '商品完好：确认收货并退款',
      ...(facts.reason === 'no-reason'
        ? ['吊牌已拆、已洗涤或影响二次销售：可拒绝七天无理由，先拍照留证并说明原因']
        : []),
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

export function stepsOf(
  c: CaseSnapshot,
  facts: Facts,
  sevenDay: SevenDay,
  commitments: CommitmentsInForce,
  rules: Map<string, Rule>,
): Steps {
  // Every playbook starts from the state: without it, no step is proposed (not even "wait for the buyer").
  if (stateUnread(c)) return { steps: [], applied: [] };
  const ctx: Ctx = { c, facts, sevenDay, commitments, rules, applied: [] };
  const steps = stepsByState(ctx);
  return { steps, applied: ctx.applied };
}

const EVIDENCE_BASE = ['与买家的聊天记录（说明已积极协商）', '发货凭证与物流记录'];

export function evidenceOf(c: CaseSnapshot, category: ReasonCategory): string[] {
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
