/**
 * Every field of a case snapshot, and what the ledger does with it. One definition for both the
 * ledger's merge (lib/storage/cases.ts `mergeCase` stores the `stored` fields and the flags) and the
 * content script's "did this reading change" (`sameCase`): a field added to CaseSnapshot does not
 * compile until it is listed here, so neither can miss it.
 */
import type { CaseSnapshot } from './types';

type FieldRole =
  /** Names the case; the same for every reading of it. */
  | 'identity'
  /** Stored as read; a later reading replaces it. */
  | 'stored'
  /** Stored flag by flag. */
  | 'flags'
  /** Text the background turns into stored times and the deadline (`resolveCase`); never stored as such. */
  | 'unparsed';

export const CASE_FIELDS = {
  platform: 'identity',
  disputeId: 'identity',
  kind: 'stored',
  orderId: 'stored',
  refundType: 'stored',
  phase: 'stored',
  shipped: 'stored',
  goodsStatus: 'stored',
  status: 'stored',
  statusText: 'stored',
  refundFen: 'stored',
  paidFen: 'stored',
  postageFen: 'stored',
  appliedAt: 'stored',
  paidAt: 'stored',
  shippedAt: 'stored',
  signedAt: 'stored',
  pageDeadline: 'stored',
  reason: 'stored',
  item: 'stored',
  itemId: 'stored',
  returnLogistics: 'stored',
  history: 'stored',
  buyer: 'stored',
  flags: 'flags',
  fromData: 'stored',
  drift: 'stored',
  unparsed: 'unparsed',
} as const satisfies Record<keyof CaseSnapshot, FieldRole>;

type StoredField = {
  [F in keyof typeof CASE_FIELDS]: (typeof CASE_FIELDS)[F] extends 'stored' ? F : never;
}[keyof typeof CASE_FIELDS];

/** The fields `mergeCase` copies from a reading into the ledger (the flags go one by one). */
export const STORED_FIELDS = (Object.keys(CASE_FIELDS) as (keyof typeof CASE_FIELDS)[]).filter(
  (f): f is StoredField => CASE_FIELDS[f] === 'stored',
);

/** Every field's name, once (the comparison below runs for each row of each re-read: no per-call allocation). */
const FIELDS = Object.keys(CASE_FIELDS) as (keyof CaseSnapshot)[];

/** Plain data (what a reader produces) equal by value; an undefined property is an absent one. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let defined = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    if (!sameValue(x[k], y[k])) return false;
    defined++;
  }
  for (const k in y) if (y[k] !== undefined) defined--;
  return defined === 0;
}

/**
 * Whether two readings of a case carry the same for the ledger: every field it stores, by value. The
 * page's countdown counts by what it shows (its text and action), not by its instant, which moves
 * with the clock while the page shows the same text.
 */
export function sameCase(a: CaseSnapshot, b: CaseSnapshot): boolean {
  for (let i = 0; i < FIELDS.length; i++) {
    const field = FIELDS[i]!;
    const x = a[field];
    const y = b[field];
    if (x === y) continue;
    if (field === 'pageDeadline') {
      if (a.pageDeadline?.text !== b.pageDeadline?.text || a.pageDeadline?.action !== b.pageDeadline?.action)
        return false;
    } else if (!sameValue(x, y)) return false;
  }
  return true;
}
