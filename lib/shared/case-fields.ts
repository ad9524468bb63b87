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
  /** The case's shop: set once; a reading that names another adds a drift note (mergeCase). */
  | 'owner'
  /** Text the background turns into stored times and the deadline (`resolveCase`); never stored as such. */
  | 'unparsed';

export const CASE_FIELDS = {
  platform: 'identity',
  disputeId: 'identity',
  shop: 'owner',
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
 * How far two readings of one deadline may lie apart and still name it: the page shows a countdown
 * to its smallest unit (还剩1天3时20分: the minute), and each reading's instant is its reading time
 * plus what was shown, so each says the deadline falls within that unit; two readings agree when
 * those spans meet, give or take the time between the page drawing the text and its being read
 * (READ_JITTER_MS).
 */
export const READ_JITTER_MS = 60_000;
const UNIT_MS: [RegExp, number][] = [
  [/秒/, 1000],
  [/分/, 60_000],
  [/时/, 3_600_000],
  [/天/, 86_400_000],
];
/**
 * An unchanged case is handed on again (and its last-seen time stored) at most this often: the
 * sidebar's cockpit warns of cases not read for hours, and a case the page keeps showing was read.
 */
export const SEEN_REFRESH_MS = 60 * 60_000;
/** The unit a countdown text shows its time to (超时 / 已超时: the minute). */
export function countdownPrecisionMs(text: string): number {
  for (const [unit, ms] of UNIT_MS) if (unit.test(text.replace(/超时/g, ''))) return ms;
  return 60_000;
}
/**
 * When the deadline a countdown read as `at` may fall: within the unit shown (a minute's countdown
 * is read as the middle of its minute, lib/page/parse.ts `countdownsIn`; coarser ones floored).
 */
function deadlineSpan(at: number, text: string): [number, number] {
  const unit = countdownPrecisionMs(text);
  const from = unit === 60_000 ? at - 30_000 : at;
  return [from, from + unit];
}
/** Whether two instants read from countdown texts `a` and `b` may name the same deadline. */
export function sameDeadline(aAt: number, aText: string, bAt: number, bText: string): boolean {
  const [a0, a1] = deadlineSpan(aAt, aText);
  const [b0, b1] = deadlineSpan(bAt, bText);
  return a0 - READ_JITTER_MS <= b1 && b0 - READ_JITTER_MS <= a1;
}

/**
 * Whether two readings of a case carry the same for the ledger: every field it stores, by value. The
 * page's countdown counts by what it means: the same text and action, or the same action and an
 * instant that moved with the clock but names the same deadline (`sameDeadline`). `exceptUnparsed`:
 * the text still to be worked out is compared by the caller (a content script's `readChange`).
 */
export function sameCase(a: CaseSnapshot, b: CaseSnapshot, exceptUnparsed = false): boolean {
  for (let i = 0; i < FIELDS.length; i++) {
    const field = FIELDS[i]!;
    if (exceptUnparsed && field === 'unparsed') continue;
    const x = a[field];
    const y = b[field];
    if (x === y) continue;
    if (field === 'pageDeadline') {
      const p = a.pageDeadline;
      const q = b.pageDeadline;
      if (!p || !q || p.action !== q.action) return false;
      if (p.text !== q.text && !sameDeadline(Date.parse(p.at), p.text, Date.parse(q.at), q.text)) return false;
    } else if (!sameValue(x, y)) return false;
  }
  return true;
}
