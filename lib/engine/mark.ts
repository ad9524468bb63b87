/**
 * What a row badge shows of a case: the engine's judgement cut down to a few plain fields, so the
 * content script can draw badges without carrying the engine (it runs in the background).
 */
import type { AutoAction } from '../shared/types';
import type { Assessment } from './assess';

export interface BadgeMark {
  /** The next deadline (ms since epoch); null when nothing is pending or it cannot be known. */
  dueAt: number | null;
  /** The deadline comes from a rule, not the page's own countdown (shown as 估). */
  estimated: boolean;
  /** What the deadline is, for the badge's tooltip. */
  why: string;
  /**
   * The case's state was not read: the countdown is the page's, and whose turn it is is not known
   * (the badge takes a neutral colour and says 状态未读到). `pageAction`: what the page's words announce.
   */
  stateUnread?: true;
  pageAction?: AutoAction;
  /** Who pays the return postage, when someone does. */
  payer?: 'seller' | 'buyer' | 'insurance';
  payerWhy?: string;
  /** Compensation owed: the total in fen (0 when the amount is not known yet) and how it is worked out. */
  owed?: { fen: number; why: string };
  /** Colleagues who claimed the case (team sync), e.g. 小王 10:32 认领, for the tooltip. */
  claimedBy?: string;
}

export function markOf(a: Assessment): BadgeMark {
  const d = a.deadline;
  const dueAt = d && d.at !== null ? Date.parse(d.at) : null;
  const mark: BadgeMark = {
    dueAt: dueAt !== null && Number.isFinite(dueAt) ? dueAt : null,
    estimated: !!d && d.at !== null && d.basis === 'rule',
    why: d?.why ?? '无平台倒计时',
  };
  if (d && d.at !== null && d.actor === null) {
    mark.stateUnread = true;
    if (d.consequence) mark.pageAction = d.consequence;
  }
  const payer = a.postage.returnPaidBy;
  if (payer === 'seller' || payer === 'buyer' || payer === 'insurance') {
    mark.payer = payer;
    mark.payerWhy = a.postage.why;
  }
  if (a.compensation.length) {
    mark.owed = {
      fen: a.compensation.reduce((s, c) => s + (c.fen ?? 0), 0),
      why: a.compensation.map((c) => c.formula).join('；'),
    };
  }
  return mark;
}
