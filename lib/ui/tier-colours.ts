/**
 * The urgency colours, defined once: the row badges (drawn on the seller page), the toolbar badge and,
 * through lib/ui/tokens.css's `--ar-*` variables (a test keeps them equal), every extension page.
 */
import type { Tier } from '../engine/assessment';

export const TIER_COLOUR = {
  overdue: '#c9302c',
  lt6h: '#b84a00',
  lt24h: '#9a6212',
  later: '#2e7a31',
  none: '#6b7079',
} as const satisfies Record<Tier, string>;

/** A countdown whose case's state was not read: neutral (no one's turn implied), darker when urgent. */
export const UNREAD_COLOUR = { calm: '#55637a', urgent: '#1f2a3a' } as const;
