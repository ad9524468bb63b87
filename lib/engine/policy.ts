/**
 * The shop's own promises (特色服务 / 消费者保障) and settings, as the options page records them.
 * Commitments keep their history: a case is judged by the promises in force when its order was paid.
 */
import type { Platform } from '../shared/types';
import type { FreightTable } from './freight';

export type Payer = 'seller' | 'buyer';

/** A shop's edits to rule values, by rule id (lib/engine/rules.ts applies them). */
export type RuleOverrides = Record<string, Record<string, number>>;

export type CommitmentTerms =
  | { type: 'seven-day'; days: number } // 七天无理由 (or a longer window such as 15 days)
  | { type: 'shipping-promise'; hours: number } // 发货时间承诺
  | { type: 'fake-3x' } // 假一赔三
  | { type: 'quality-promise'; amountFen: number } // 品质承诺
  | { type: 'return-promise'; days: number; postagePaidBy: Payer } // 退货承诺
  | { type: 'damage-reship'; reshipPaidBy: Payer } // 破损补寄
  | { type: 'designated-carrier' } // 指定快递
  | { type: 'arrival-promise'; days: number } // 到货承诺
  | { type: 'freight-insurance' } // 运费险 (seller-insured)
  | { type: 'quality-report-window'; hours: number }; // e.g. 签收后 48 小时内反馈质量问题

export type CommitmentType = CommitmentTerms['type'];

/** One entry of a commitment's history: on or off from `effectiveFrom` (ISO) on. */
export type CommitmentEntry = CommitmentTerms & { enabled: boolean; effectiveFrom: string };

export interface WorkingHours {
  /** ISO weekdays (1 = Monday … 7 = Sunday). */
  days: number[];
  /** 'HH:MM' China time. */
  start: string;
  end: string;
}

export interface ShopPolicy {
  platform?: Platform;
  shopName?: string;
  staffName?: string;
  /** Where buyers send returns (for replies). */
  returnAddress?: string;
  /** Whether the shop's items are 包邮 unless the page says otherwise. */
  freeShippingDefault?: boolean;
  commitments: CommitmentEntry[];
  ruleOverrides?: RuleOverrides;
  workingHours?: WorkingHours;
  /** 'YYYY-MM-DD' China dates with no working hours. */
  holidays?: string[];
  /** The shop's freight table (运费表), per carrier: what a 退货邮费 claim is checked against. */
  freightTables?: FreightTable[];
  /**
   * Set by the caller when the case's own shop has no settings (or its shop is not known among several):
   * no promise counts, and the guidance says why in these words.
   */
  unsetReason?: string;
}

export const EMPTY_POLICY: ShopPolicy = { commitments: [] };

export type CommitmentsInForce = { [K in CommitmentType]?: Extract<CommitmentTerms, { type: K }> };

/**
 * The commitments in force at `at` (epoch ms): for each type, the latest entry that took effect on
 * or before `at`, if it was switched on.
 */
export function commitmentsInForce(policy: ShopPolicy, at: number): CommitmentsInForce {
  const latest = new Map<CommitmentType, CommitmentEntry>();
  for (const entry of policy.commitments) {
    const from = Date.parse(entry.effectiveFrom);
    if (!Number.isFinite(from) || from > at) continue;
    const prev = latest.get(entry.type);
    if (!prev || Date.parse(prev.effectiveFrom) <= from) latest.set(entry.type, entry);
  }
  const out: Record<string, CommitmentTerms> = {};
  for (const [type, entry] of latest) {
    if (!entry.enabled) continue;
    const { enabled: _e, effectiveFrom: _f, ...terms } = entry;
    out[type] = terms;
  }
  return out;
}
