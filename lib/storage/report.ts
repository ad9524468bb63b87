/**
 * The daily report (日报): for one China-time day, what this browser saw happen in the ledger: new
 * cases, finished ones, the ones the platform decided because the deadline passed, the money refunded,
 * the time to first handling, the top reasons, by kind; and the last 14 days' opened / finished /
 * missed. It reads the timeline by its indexes (events by type and time), so a ledger of 100,000
 * cases answers for a day without reading them all. It counts only what this browser has seen.
 */
import { DAY_MS, toChinaIso } from '../shared/china-time';
import { CASE_KINDS, type CaseKind } from '../shared/types';
import type { CaseEvent, CaseRecord, RadarDB } from './db';
import { platformDecided } from './digest';

export type KindOrAll = CaseKind | 'all';

export interface KindFigures {
  newCases: number;
  finished: number;
  /** Decided by the platform because the deadline passed (自动同意 / 自动关闭 … seen after the deadline). */
  missed: number;
  /** Refunds that succeeded that day, fen. */
  refundedFen: number;
  /** Cases first handled that day, and the mean time from 申请 (or first seen) to that handling, ms. */
  handled: number;
  avgFirstHandlingMs: number | null;
}

export interface DayPoint {
  day: string;
  opened: number;
  finished: number;
  missed: number;
}

export interface DailyReport {
  /** 'YYYY-MM-DD', China time. */
  day: string;
  byKind: Record<KindOrAll, KindFigures>;
  /** The most frequent reasons among the day's new cases. */
  reasons: { reason: string; count: number }[];
  /** The 14 days ending with `day`, oldest first. */
  last14: DayPoint[];
  /** The cases the day's figures are about (new, finished or handled that day), for the export. */
  cases: CaseRecord[];
  /** The earliest time this browser recorded anything, or null for an empty ledger: the report knows nothing before it. */
  recordedSince: string | null;
}

const TOP_REASONS = 5;
/** Above this many cases, the report reads the whole store at once rather than case by case. */
const BULK_LOOKUPS = 5_000;
export const NO_REASON = '（未读到原因）';

/** 00:00 China time of a 'YYYY-MM-DD' day, epoch ms (NaN when malformed). */
export const dayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
/** The China day of an instant, 'YYYY-MM-DD'. */
export const chinaDay = (ms: number) => toChinaIso(ms).slice(0, 10);

const emptyFigures = (): KindFigures => ({
  newCases: 0,
  finished: 0,
  missed: 0,
  refundedFen: 0,
  handled: 0,
  avgFirstHandlingMs: null,
});

function eventsBetween(db: RadarDB, type: CaseEvent['type'], from: number, to: number) {
  return db.events.where('[type+at]').between([type, toChinaIso(from)], [type, toChinaIso(to)], true, false);
}

/**
 * Whether a status change finished its case. Events since 2026-12 say so (`closed`); for older ones,
 * the case is finished now and its status is still the one the change led to.
 */
function finishes(e: CaseEvent, rec: CaseRecord | undefined): boolean {
  return e.closed ?? (!!rec && rec.open === 0 && (rec.statusText ?? rec.status) === e.to);
}

/** The first of each case's events (the day's finishing changes: a case finishes once). */
function oncePerCase(events: CaseEvent[]): CaseEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => !seen.has(e.caseKey) && !!seen.add(e.caseKey));
}

/** Whether an event is the shop handling a case: a staff 已处理 mark, or a status change the platform did not make itself. */
const handles = (e: CaseEvent) =>
  (e.type === 'handled' && e.to === '已处理') || (e.type === 'status-change' && !platformDecided(e));

/**
 * Time from 申请 (or first seen) to each case's first handling, for the cases whose first handling
 * fell in [from, to), by kind. `dayEvents`: the day's handled marks and status changes.
 */
async function firstHandlingWaits(
  db: RadarDB,
  recs: Map<string, CaseRecord>,
  dayEvents: CaseEvent[],
  from: number,
  to: number,
): Promise<Record<KindOrAll, number[]>> {
  const candidates = [...new Set(dayEvents.filter(handles).map((e) => e.caseKey))];
  const waits: Record<KindOrAll, number[]> = { all: [], refund: [], exchange: [], postage: [] };
  await Promise.all(
    candidates.map(async (key) => {
      const rec = recs.get(key);
      if (!rec) return;
      const first = await db.events
        .where('[caseKey+at]')
        .between([key, ''], [key, toChinaIso(to)], true, false)
        .filter(handles)
        .first();
      if (!first || first.at < toChinaIso(from)) return;
      const wait = Date.parse(first.at) - Date.parse(rec.appliedAt ?? rec.firstSeenAt);
      if (!(wait >= 0)) return;
      waits.all.push(wait);
      waits[rec.kind].push(wait);
    }),
  );
  return waits;
}

/** Opened / finished / missed for each of the 14 days from `windowFrom`. */
async function lastDays(
  db: RadarDB,
  windowFrom: number,
  changes14: CaseEvent[],
  recs: Map<string, CaseRecord>,
): Promise<DayPoint[]> {
  const opened = await Promise.all(
    Array.from({ length: 14 }, (_, i) =>
      eventsBetween(db, 'first-seen', windowFrom + i * DAY_MS, windowFrom + (i + 1) * DAY_MS).count(),
    ),
  );
  return opened.map((count, i) => {
    const a = toChinaIso(windowFrom + i * DAY_MS);
    const b = toChinaIso(windowFrom + (i + 1) * DAY_MS);
    const those = changes14.filter((e) => e.at >= a && e.at < b);
    return {
      day: chinaDay(windowFrom + i * DAY_MS),
      opened: count,
      finished: oncePerCase(those.filter((e) => finishes(e, recs.get(e.caseKey)))).length,
      missed: oncePerCase(those.filter(platformDecided)).length,
    };
  });
}

export async function dailyReport(db: RadarDB, day: string): Promise<DailyReport> {
  const from = dayStart(day);
  if (Number.isNaN(from)) throw new Error(`not a day: ${day}`);
  const to = from + DAY_MS;
  const windowFrom = from - 13 * DAY_MS;
  const [firstSeen, changes14, handledMarks, oldest] = await Promise.all([
    eventsBetween(db, 'first-seen', from, to).toArray(),
    eventsBetween(db, 'status-change', windowFrom, to).toArray(),
    eventsBetween(db, 'handled', from, to).toArray(),
    db.events.orderBy('at').first(),
  ]);
  const changes = changes14.filter((e) => e.at >= toChinaIso(from));
  const keys = [...new Set([...firstSeen, ...changes14, ...handledMarks].map((e) => e.caseKey))];
  const recs = new Map<string, CaseRecord>();
  // A day that touched many cases: one read of the whole store beats that many lookups.
  const found = keys.length > BULK_LOOKUPS ? await db.cases.toArray() : await db.cases.bulkGet(keys);
  found.forEach((r) => r && recs.set(r.key, r));

  const byKind = Object.fromEntries(['all', ...CASE_KINDS].map((k) => [k, emptyFigures()])) as Record<
    KindOrAll,
    KindFigures
  >;
  const add = (key: string, f: (x: KindFigures, r: CaseRecord) => void) => {
    const r = recs.get(key);
    if (!r) return;
    f(byKind.all, r);
    f(byKind[r.kind], r);
  };
  for (const e of firstSeen) add(e.caseKey, (x) => x.newCases++);
  const finished = oncePerCase(changes.filter((e) => finishes(e, recs.get(e.caseKey))));
  for (const e of finished)
    add(e.caseKey, (x, r) => {
      x.finished++;
      if (r.kind === 'refund' && r.status === 'SUCCESS') x.refundedFen += r.refundFen ?? 0;
    });
  for (const e of oncePerCase(changes.filter(platformDecided))) add(e.caseKey, (x) => x.missed++);

  const waits = await firstHandlingWaits(db, recs, [...handledMarks, ...changes], from, to);
  for (const k of Object.keys(waits) as KindOrAll[]) {
    byKind[k].handled = waits[k].length;
    byKind[k].avgFirstHandlingMs = waits[k].length ? waits[k].reduce((a, b) => a + b, 0) / waits[k].length : null;
  }

  const reasonCount = new Map<string, number>();
  for (const e of firstSeen) {
    const r = recs.get(e.caseKey);
    if (r) reasonCount.set(r.reason || NO_REASON, (reasonCount.get(r.reason || NO_REASON) ?? 0) + 1);
  }
  const reasons = [...reasonCount]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .slice(0, TOP_REASONS);

  const last14 = await lastDays(db, windowFrom, changes14, recs);

  const dayKeys = new Set([...firstSeen, ...finished, ...changes, ...handledMarks].map((e) => e.caseKey));
  const cases = [...dayKeys].map((k) => recs.get(k)).filter((r): r is CaseRecord => !!r);
  return { day, byKind, reasons, last14, cases, recordedSince: oldest?.at ?? null };
}
