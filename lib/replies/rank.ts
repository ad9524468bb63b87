/**
 * Which replies fit this case, best first, each with the reason. Pure: computed from the case and
 * its assessment only. A template fits when every condition it names holds; the more specific a
 * fitting template, the higher it ranks.
 *
 * Templates declare the statuses they fit. One with no `statuses` fits any status that was read; a
 * case whose status was not read (UNKNOWN) gets only templates that list 'UNKNOWN', the ones whose
 * words hold whatever the state (a greeting, asking for photos), never "您的退款已经处理成功了".
 */
import type { Assessment, Fact } from '../engine/assess';
import { FINAL_STATUSES, type CaseSnapshot } from '../shared/types';
import type { Fit, ReplyTemplate } from './model';

/** How much each kind of condition says about the situation. */
const WEIGHT: Record<keyof Fit, number> = {
  kinds: 1,
  statuses: 3,
  refundTypes: 2,
  reasons: 3,
  shipped: 2,
  received: 2,
  finished: 5,
  intervened: 8,
  urged: 8,
  outsideSevenDay: 8,
  urgent: 4,
  returnPaidBy: 2,
  compensation: 5,
  sevenDay: 2,
  refusedFor: 8,
  reship: 5,
};

function refusalText(c: CaseSnapshot): string {
  return (c.history ?? [])
    .filter((h) => /商家|卖家/.test(h.actor) && /拒绝/.test(h.text))
    .map((h) => h.text)
    .join('\n');
}

/** Does the condition hold for this case? */
function holds(key: keyof Fit, fit: Fit, c: CaseSnapshot, a: Assessment): boolean {
  switch (key) {
    case 'kinds':
      return fit.kinds!.includes(c.kind);
    case 'statuses':
      return fit.statuses!.includes(c.status);
    case 'refundTypes':
      return c.refundType !== undefined && fit.refundTypes!.includes(c.refundType);
    case 'reasons':
      return fit.reasons!.includes(a.reasonCategory);
    case 'shipped':
      return c.shipped === fit.shipped;
    case 'received':
      return c.goodsStatus !== undefined && (c.goodsStatus !== 'BUYER_NOT_RECEIVED') === fit.received;
    case 'finished':
      return FINAL_STATUSES.has(c.status) === fit.finished;
    case 'intervened':
      return !!c.flags.platformIntervened === fit.intervened;
    case 'urged':
      return !!c.flags.buyerUrged === fit.urged;
    case 'outsideSevenDay':
      return (a.sevenDay.appliedInWindow === false) === fit.outsideSevenDay;
    case 'urgent':
      return (a.tier === 'overdue' || a.tier === 'lt6h') === fit.urgent;
    case 'returnPaidBy':
      return fit.returnPaidBy!.includes(a.postage.returnPaidBy);
    case 'compensation':
      return a.compensation.length > 0 === fit.compensation;
    case 'sevenDay':
      return a.sevenDay.applies === fit.sevenDay;
    case 'refusedFor': {
      try {
        return new RegExp(fit.refusedFor!).test(refusalText(c));
      } catch {
        return false;
      }
    }
    case 'reship':
      return (a.postage.reshipPaidBy !== undefined) === fit.reship;
  }
}

/** The template's score for this case, or undefined when it does not fit. */
export function fitScore(t: ReplyTemplate, c: CaseSnapshot, a: Assessment): number | undefined {
  if (c.status === 'UNKNOWN' && !t.fit.statuses?.includes('UNKNOWN')) return undefined;
  let score = 0;
  for (const key of Object.keys(t.fit) as (keyof Fit)[]) {
    if (t.fit[key] === undefined) continue;
    if (!holds(key, t.fit, c, a)) return undefined;
    score += WEIGHT[key];
  }
  return score;
}

export interface Suggestion {
  template: ReplyTemplate;
  score: number;
  why: string;
}

/** What the replies held back for this case need: the state, when it was not read. */
export function replyNeeds(c: CaseSnapshot): Fact[] {
  return c.status === 'UNKNOWN' ? ['status'] : [];
}

/** The best-fitting templates first (ties keep the library's order); generic ones (no conditions) last. */
export function suggestReplies(
  templates: readonly ReplyTemplate[],
  c: CaseSnapshot,
  a: Assessment,
  limit = 5,
): Suggestion[] {
  const scored: Suggestion[] = [];
  templates.forEach((t) => {
    const score = fitScore(t, c, a);
    if (score !== undefined) scored.push({ template: t, score, why: t.why });
  });
  // Array.prototype.sort is stable: equal scores keep the library order.
  return scored.sort((x, y) => y.score - x.score).slice(0, limit);
}
