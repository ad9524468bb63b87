/**
 * What the engine says about a case: the shapes of an assessment and its parts. Shared by the
 * engine's modules (deadline, seven-day, postage, compensation, steps) and re-exported by assess.ts.
 */
import type { AutoAction, CaseSnapshot } from '../shared/types';
import type { Payer } from './policy';
import type { ReasonCategory } from './reason';
import type { RuleId } from './rules';

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
  /** The deadline rule (and its conditions) when the deadline was estimated from one. */
  applied?: AppliedRule[];
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

/** A rule that decided (part of) a result, and the conditions of its `when` that held, in words. */
export interface AppliedRule {
  rule: RuleId;
  title: string;
  held: string[];
}

export type PostagePayer = Payer | 'insurance' | 'none' | 'unknown';

export interface PostageAssessment {
  /** The first shipment to the buyer (for an exchange: the replacement's). */
  outboundPaidBy: PostagePayer;
  /** The buyer's return shipment. */
  returnPaidBy: PostagePayer;
  /** 破损补寄: who pays the reshipment, when the shop promised it. */
  reshipPaidBy?: Payer;
  /** The rule that decided the legs as they stand (the last applied). */
  rule: RuleId;
  /** Every rule applied, in order: the platform's, then the shop's promises and insurance over it. */
  applied: AppliedRule[];
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
  applied: AppliedRule[];
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
  /** The window rule when it applies (with the conditions that held); empty when it does not. */
  applied: AppliedRule[];
  /**
   * The shop's 退货承诺, when in force: its window (签收次日零时起 N 天), whether the application came
   * inside it, and who pays both legs. It covers a return the 7-day window no longer does.
   */
  returnPromise: { days: number; endsAt: string | null; appliedInWindow: boolean | null; postagePaidBy: Payer } | null;
}

/** What one of the shop's promises means for the case: what to check, and what the page did not show. */
export interface PromiseCheck {
  type: 'designated-carrier' | 'arrival-promise' | 'quality-report-window';
  /** kept / broken, or unknown when the page does not show what it turns on. */
  verdict: 'kept' | 'broken' | 'unknown';
  text: string;
  /** What the page cannot show, said plainly (never guessed). */
  missing: string[];
  rule: RuleId;
  applied: AppliedRule[];
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
  /** The rules that shaped the steps (e.g. the 退货承诺 period), with their conditions. */
  stepRules: AppliedRule[];
  /** The shop's 指定快递 / 到货承诺 / 质量问题反馈时限, where they bear on the case. */
  promises: PromiseCheck[];
  /** Every rule applied to the case, with the conditions that held: the sidebar's "why". */
  applied: AppliedRule[];
  evidence: string[];
  flags: RiskFlag[];
  reasonCategory: ReasonCategory;
  /** What was left out rather than guessed, and why (empty when nothing was). */
  needs: Needs;
  /** Why no shop promise was counted: the case's own shop has no settings (ShopPolicy.unsetReason). */
  promiseNote?: string;
}

/** An instant as epoch ms, undefined when absent or unreadable. */
export const ms = (iso: string | undefined): number | undefined => {
  const v = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isFinite(v) ? v : undefined;
};

/** The state was not read: nothing that turns on it is guessed. */
export const stateUnread = (c: CaseSnapshot) => c.status === 'UNKNOWN';
