/**
 * Deadlines: when the platform acts next on a case, from the page's countdown when it shows one,
 * else estimated from the rules and the time the current state began.
 */
import { HOUR_MS, toChinaIso } from '../shared/china-time';
import {
  FINAL_STATUSES,
  type AutoAction,
  type CaseSnapshot,
  type CaseStatus,
  type HistoryEntry,
} from '../shared/types';
import { ms, stateUnread, type Actor, type Deadline, type StateDeadline, type UnknownDeadline } from './assessment';
import { applyRule, factsOf, firstRule } from './facts';
import { EMPTY_POLICY } from './policy';
import { ruleParam, type Rule, type RuleId } from './rules';

type HistoryActor = NonNullable<HistoryEntry['by']>;
type HistoryEvent = NonNullable<HistoryEntry['event']>;

const SELLER_STATES: ReadonlySet<CaseStatus> = new Set<CaseStatus>([
  'WAIT_SELLER_AGREE',
  'WAIT_SELLER_CONFIRM_GOODS',
  'EXCHANGE_WAIT_SELLER_AGREE',
  'EXCHANGE_WAIT_SELLER_RECEIVE',
  'EXCHANGE_WAIT_SELLER_SEND',
  'POSTAGE_WAIT_SELLER',
]);

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

/** The deadline rules a seller's pending application turns on, in order. */
const AGREE_RULES = [
  'deadline.return-refund-agree',
  'deadline.refund-only-unshipped',
  'deadline.refund-only-shipped',
] as const satisfies readonly RuleId[];

function ruleDeadline(c: CaseSnapshot, rules: Map<string, Rule>): StateDeadline | UnknownDeadline | null {
  // Deadlines turn on the state, the refund type, shipping and the platform: no reason class or promise.
  const facts = factsOf(c, 'unknown', {}, EMPTY_POLICY, rules, 0);
  const hours = (id: RuleId) => ruleParam(rules, id, 'hours') * HOUR_MS;
  const make = (ruleId: RuleId, start: number, actor: Actor, startWhat: string): StateDeadline => {
    const hit = applyRule(rules, ruleId, facts);
    return {
      at: toChinaIso(start + hours(ruleId)),
      actor,
      consequence: defaultConsequence(c),
      basis: 'rule',
      ruleId,
      ...(hit ? { applied: [hit] } : {}),
      why: `按规则估算：${rules.get(ruleId)!.title}，自${startWhat}起 ${ruleParam(rules, ruleId, 'hours')} 小时`,
    };
  };
  const applied = ms(c.appliedAt);
  switch (c.status) {
    case 'WAIT_SELLER_AGREE': {
      if (applied === undefined) return { at: null, why: `申请时间${OPEN_DETAIL}` };
      const hit = firstRule(rules, AGREE_RULES, facts);
      return hit
        ? make(hit.rule, applied, 'seller', '申请时间')
        : { at: null, why: `退款类型或发货状态${OPEN_DETAIL}` };
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
      const tmallCut = applyRule(rules, 'deadline.tmall-signed-return', facts);
      if (tmallCut && signed !== undefined) {
        const cut = signed + hours('deadline.tmall-signed-return');
        if (cut < Date.parse(d.at)) {
          return {
            ...d,
            at: toChinaIso(cut),
            ruleId: 'deadline.tmall-signed-return',
            applied: [tmallCut],
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

export function deadlinesOf(
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
