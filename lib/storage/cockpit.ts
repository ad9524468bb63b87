/**
 * The day's cockpit on 售后工作台: what the ledger says needs doing, selected from its open cases.
 * The selection (`selectCockpit`) is pure, `now` a parameter; `loadCockpit` reads the ledger for it.
 */
import { nextWorkStart } from '../engine/working-hours';
import type { ShopPolicy, WorkingHours } from '../engine/policy';
import { HOUR_MS } from '../shared/china-time';
import { tierOf } from '../engine/tier';
import { byUrgency, listOpenDueBefore } from './cases';
import type { CaseRecord, RadarDB } from './db';
import { digestSince, type Digest } from './digest';

/** The hours assumed when the shop has set none (the options page's default too). */
export const DEFAULT_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };
/** A case not read for longer than this (hours) has a countdown nobody has confirmed lately. */
export const DEFAULT_STALE_HOURS = 12;
/** Only stale cases whose deadline is this close are worth a trip to 退款管理. */
export const STALE_WINDOW_MS = 48 * HOUR_MS;
/** The settings key of the stale threshold (hours). */
export const STALE_HOURS_KEY = 'cockpitStaleHours';
/** When this browser's cockpit last looked at the ledger (its own, apart from the popup's). */
export const COCKPIT_LOOKED_KEY = 'cockpitLastLooked';
/** Rows a list of the cockpit carries at most; each list still counts all of its cases. */
export const COCKPIT_LIST_MAX = 50;

export type UrgentTier = 'overdue' | 'lt6h' | 'lt24h';
const URGENT_TIERS: UrgentTier[] = ['overdue', 'lt6h', 'lt24h'];

export interface CockpitList {
  total: number;
  cases: CaseRecord[];
}

export interface Cockpit {
  now: number;
  /** Open cases due within 24 h or overdue, by tier, in the popup's order. */
  urgent: Record<UrgentTier, CockpitList>;
  /** The start of the next working period; null when the hours allow none. */
  nextWorkAt: number | null;
  /** Whether the hours are the shop's own or the default. */
  hoursSet: boolean;
  /** Open cases that expire between now and the next working period: overnight, nobody on shift. */
  beforeClose: CockpitList;
  staleHours: number;
  /** Open cases not read for more than `staleHours` whose deadline is within 48 h (or passed). */
  stale: CockpitList;
}

export interface CockpitOptions {
  hours?: WorkingHours;
  holidays?: readonly string[];
  staleHours?: number;
}

const list = (cases: CaseRecord[]): CockpitList => ({ total: cases.length, cases: cases.slice(0, COCKPIT_LIST_MAX) });

/** How far ahead of `now` the cockpit needs the ledger's open cases. */
export function cockpitHorizon(now: number, opts: CockpitOptions): number {
  const next = nextWorkStart(now, opts.hours ?? DEFAULT_HOURS, opts.holidays) ?? now;
  return Math.max(now + STALE_WINDOW_MS, now + 24 * HOUR_MS, next);
}

/**
 * Select the cockpit's lists from open cases (any order; those due later than `cockpitHorizon` may
 * be left out by the caller). A case may be in more than one list: overdue and stale, say.
 */
export function selectCockpit(open: readonly CaseRecord[], now: number, opts: CockpitOptions = {}): Cockpit {
  const sorted = open.filter((c) => c.open === 1).sort(byUrgency);
  const urgent = Object.fromEntries(
    URGENT_TIERS.map((tier) => [tier, list(sorted.filter((c) => tierOf(c.deadlineAt, now) === tier))]),
  ) as Record<UrgentTier, CockpitList>;
  const nextWorkAt = nextWorkStart(now, opts.hours ?? DEFAULT_HOURS, opts.holidays) ?? null;
  const beforeClose = nextWorkAt === null ? [] : sorted.filter((c) => c.deadlineAt > now && c.deadlineAt < nextWorkAt);
  const staleHours = opts.staleHours && opts.staleHours > 0 ? opts.staleHours : DEFAULT_STALE_HOURS;
  const stale = sorted.filter(
    (c) => c.deadlineAt - now <= STALE_WINDOW_MS && now - Date.parse(c.lastSeenAt) > staleHours * HOUR_MS,
  );
  return {
    now,
    urgent,
    nextWorkAt,
    hoursSet: !!opts.hours,
    beforeClose: list(beforeClose),
    staleHours,
    stale: list(stale),
  };
}

export interface CockpitReply extends Cockpit {
  digest: Digest;
  /**
   * What the ledger has seen, so the cockpit never calls an empty or stale ledger "nothing due": how
   * many cases are open in it, and when the most recent of those it looked at was last read.
   */
  seen: { open: number; lastReadAt: string | null };
}

/**
 * The cockpit from the ledger, with what changed since `since` (ISO). `look`: this is a new look
 * (the sidebar opened): the digest runs from the previous look, and now is stored as the last one.
 */
export async function loadCockpit(
  db: RadarDB,
  now: number,
  policy: ShopPolicy,
  opts: { since?: string; look?: boolean; nowIso: string },
): Promise<CockpitReply> {
  const staleSetting = (await db.settings.get(STALE_HOURS_KEY))?.value;
  const o: CockpitOptions = {
    hours: policy.workingHours,
    holidays: policy.holidays,
    staleHours: typeof staleSetting === 'number' ? staleSetting : undefined,
  };
  const open = await listOpenDueBefore(db, cockpitHorizon(now, o));
  let since = opts.since ?? null;
  if (opts.look) {
    const last = (await db.settings.get(COCKPIT_LOOKED_KEY))?.value;
    since = typeof last === 'string' ? last : null;
    await db.settings.put({ key: COCKPIT_LOOKED_KEY, value: opts.nowIso });
  }
  const openCount = await db.cases
    .where('[open+deadlineAt]')
    .between([1, -Infinity], [1, Infinity], true, true)
    .count();
  let lastReadAt: string | null = null;
  for (const c of open) if (c.open === 1 && (!lastReadAt || c.lastSeenAt > lastReadAt)) lastReadAt = c.lastSeenAt;
  return {
    ...selectCockpit(open, now, o),
    digest: await digestSince(db, since),
    seen: { open: openCount, lastReadAt },
  };
}
