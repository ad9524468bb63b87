/** Compensation owed: late shipment (platform rule or the shop's 发货时间承诺), 假一赔三, 品质承诺. */
import { HOUR_MS } from '../shared/china-time';
import type { CaseSnapshot } from '../shared/types';
import { ms, type Compensation } from './assessment';
import type { CommitmentsInForce } from './policy';
import type { ReasonCategory } from './reason';
import { ruleParam, type Rule } from './rules';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

export function compensationOf(
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
