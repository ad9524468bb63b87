/** How urgent a deadline is: the one definition the engine, the ledger, the exports and every view use. */
import { HOUR_MS } from '../shared/china-time';
import type { Tier } from './assessment';

/**
 * The urgency tier of a deadline at `now` (epoch ms): overdue, under 6 hours, under 24 hours, later,
 * or none when there is no usable deadline (missing, not a number, or beyond any real date).
 */
export function tierOf(at: number | undefined, now: number): Tier {
  if (at === undefined || !Number.isFinite(at) || at > 1e15) return 'none';
  const left = at - now;
  if (left <= 0) return 'overdue';
  if (left < 6 * HOUR_MS) return 'lt6h';
  if (left < 24 * HOUR_MS) return 'lt24h';
  return 'later';
}
