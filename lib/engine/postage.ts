/**
 * Who pays which leg of the postage: the first platform rule whose condition holds, then the shop's
 * promises and the insurance over it where they promise more. Each rule's condition is its `when`
 * (lib/engine/rules.ts); the legs each platform rule assigns are the table below.
 */
import type { PostageAssessment, PostagePayer } from './assessment';
import { applyRule, firstRule } from './facts';
import type { CommitmentsInForce } from './policy';
import type { Rule, RuleId } from './rules';
import type { Facts } from './when';

/** The platform's postage rules, in order: the first whose condition holds decides both legs. */
export const POSTAGE_BASE_RULES = [
  'postage.not-shipped',
  'postage.seller-fault',
  'postage.no-reason-exchange',
  'postage.no-reason-free-shipping',
  'postage.no-reason-not-free',
  'postage.no-reason-shipping-unknown',
  'postage.agreed-before-intervention',
  'postage.fault-undetermined',
] as const satisfies readonly RuleId[];

type BaseRule = (typeof POSTAGE_BASE_RULES)[number];

/** Outbound and return leg per platform rule (the return leg is none when nothing is returned: 仅退款). */
const LEGS: Record<BaseRule, [PostagePayer, PostagePayer]> = {
  'postage.not-shipped': ['none', 'none'],
  'postage.seller-fault': ['seller', 'seller'],
  'postage.no-reason-exchange': ['buyer', 'buyer'],
  'postage.no-reason-free-shipping': ['seller', 'buyer'],
  'postage.no-reason-not-free': ['buyer', 'buyer'],
  'postage.no-reason-shipping-unknown': ['unknown', 'buyer'],
  'postage.agreed-before-intervention': ['seller', 'seller'],
  'postage.fault-undetermined': ['seller', 'buyer'],
};

const PAYER_WORD = { seller: '商家', buyer: '买家' } as const;

export function postageOf(facts: Facts, commitments: CommitmentsInForce, rules: Map<string, Rule>): PostageAssessment {
  // The base rules' conditions cover every reason class: one always holds.
  const base = firstRule(rules, POSTAGE_BASE_RULES, facts)!;
  const [outbound, ret] = LEGS[base.rule as BaseRule];
  const rule = rules.get(base.rule)!;
  let p: PostageAssessment = {
    outboundPaidBy: outbound,
    returnPaidBy: facts.refundType === '仅退款' ? 'none' : ret,
    rule: base.rule,
    applied: [base],
    why: base.rule === 'postage.no-reason-shipping-unknown' ? rule.explanation : rule.title,
  };
  // 退货承诺: inside its period, both legs (退货和第一次发货) by the payer the shop promised (seed 000).
  const returnPromise = commitments['return-promise'];
  const promised = applyRule(rules, 'postage.return-promise', facts);
  if (returnPromise && promised) {
    const payer = returnPromise.postagePaidBy;
    p = {
      ...p,
      outboundPaidBy: payer,
      returnPaidBy: payer,
      rule: promised.rule,
      applied: [...p.applied, promised],
      why: `${promised.title}（签收次日零时起 ${returnPromise.days} 天内，发货和退货运费都由${PAYER_WORD[payer]}承担）`,
    };
  } else if (returnPromise && facts.windows['return-promise'] === 'unknown' && p.returnPaidBy === 'buyer') {
    p = { ...p, why: `${p.why}；店铺有退货承诺，但页面未显示签收或申请时间，无法判断是否在承诺期内` };
  }
  const insured = applyRule(rules, 'postage.freight-insurance', facts);
  if (insured && p.returnPaidBy === 'buyer') {
    p = {
      ...p,
      returnPaidBy: 'insurance',
      rule: insured.rule,
      applied: [...p.applied, insured],
      why: `${p.why}；${insured.title}`,
    };
  }
  const reship = commitments['damage-reship'];
  const reshipRule = applyRule(rules, 'postage.damage-reship', facts);
  if (reship && reshipRule)
    p = {
      ...p,
      reshipPaidBy: reship.reshipPaidBy,
      applied: [...p.applied, reshipRule],
      why: `${p.why}；${reshipRule.title}`,
    };
  return p;
}
