/** The engine's public surface. Pure: no DOM, no browser APIs, no clock. */
export { assess, nextDeadline, tierOf } from './assess';
export type {
  Assessment,
  Compensation,
  CompensationKind,
  CountdownOnly,
  Deadline,
  Fact,
  Needs,
  PostageAssessment,
  RiskFlag,
  SevenDay,
  StateDeadline,
  StateOutput,
  Tier,
  UnknownDeadline,
} from './assess';
export { commitmentsInForce, EMPTY_POLICY } from './policy';
export type { CommitmentEntry, CommitmentTerms, CommitmentType, Payer, ShopPolicy, WorkingHours } from './policy';
export { reasonCategory } from './reason';
export type { ReasonCategory } from './reason';
export { DEFAULT_RULES, resolveRules } from './rules';
export type { Confidence, Rule, RuleGroup, RuleOverrides } from './rules';
export { nextWorkStart, workingMsBetween } from './working-hours';
export { DEFAULT_ALERTS, planAlerts, quietUntil } from './alerts';
export type { AlertCandidate, AlertPlan, AlertSettings } from './alerts';
