/** Who pays which leg of the postage: the platform's rules, then the shop's promises where they promise more. */
import { DAY_MS } from '../shared/china-time';
import type { CaseSnapshot } from '../shared/types';
import { ms, type PostageAssessment } from './assessment';
import type { CommitmentsInForce, ShopPolicy } from './policy';
import { SELLER_FAULT, type ReasonCategory } from './reason';
import type { Rule, RuleId } from './rules';

export function postageOf(
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
