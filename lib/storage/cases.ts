/**
 * Writing page readings into the ledger and reading the queue back out.
 */
import { FINAL_STATUSES, type CaseSnapshot, type Observation } from '../shared/types';
import { NO_DEADLINE, type CaseEvent, type CaseRecord, type RadarDB } from './db';

export const caseKey = (c: Pick<CaseSnapshot, 'platform' | 'disputeId'>) => `${c.platform}:${c.disputeId}`;

function deadlineOf(c: CaseSnapshot): number {
  const ms = c.pageDeadline ? Date.parse(c.pageDeadline.at) : Number.NaN;
  return Number.isFinite(ms) ? ms : NO_DEADLINE;
}

/**
 * Merge one snapshot into a stored record: the snapshot's fields win (it is the newer observation),
 * fields it does not carry are kept, and staff data is never touched.
 */
export function mergeCase(prev: CaseRecord | undefined, snap: CaseSnapshot, source: Observation): CaseRecord {
  const merged: CaseRecord = {
    ...(prev ?? {}),
    ...snap,
    flags: { ...(prev?.flags ?? {}), ...snap.flags },
    key: caseKey(snap),
    firstSeenAt: prev?.firstSeenAt ?? source.readAt,
    lastSeenAt: source.readAt,
    lastSource: source,
    open: 1,
    deadlineAt: NO_DEADLINE,
    ...(prev?.staff ? { staff: prev.staff } : {}),
  };
  // A row read does not know what the detail page knew: keep what it did not carry.
  if (snap.status === 'UNKNOWN' && prev && prev.status !== 'UNKNOWN') {
    merged.status = prev.status;
    merged.statusText = prev.statusText ?? snap.statusText;
  }
  if (!snap.pageDeadline && prev?.pageDeadline && prev.status === merged.status) merged.pageDeadline = prev.pageDeadline;
  merged.open = FINAL_STATUSES.has(merged.status) ? 0 : 1;
  merged.deadlineAt = merged.open ? deadlineOf(merged) : NO_DEADLINE;
  return merged;
}

function eventsFor(prev: CaseRecord | undefined, next: CaseRecord, source: Observation): CaseEvent[] {
  const base = { caseKey: next.key, at: source.readAt, page: source.page, url: source.url };
  if (!prev) return [{ ...base, type: 'first-seen', to: next.statusText ?? next.status }];
  const out: CaseEvent[] = [];
  if (prev.status !== next.status) out.push({ ...base, type: 'status-change', from: prev.statusText ?? prev.status, to: next.statusText ?? next.status });
  return out;
}

/** Store a page's cases in one transaction; returns how many were new. */
export async function upsertCases(db: RadarDB, cases: CaseSnapshot[], source: Observation): Promise<{ saved: number; created: number }> {
  let created = 0;
  await db.transaction('rw', db.cases, db.events, async () => {
    const keys = cases.map(caseKey);
    const prevs = await db.cases.bulkGet(keys);
    const records: CaseRecord[] = [];
    const events: CaseEvent[] = [];
    cases.forEach((snap, i) => {
      const prev = prevs[i];
      const next = mergeCase(prev, snap, source);
      if (!prev) created++;
      records.push(next);
      events.push(...eventsFor(prev, next, source));
    });
    await db.cases.bulkPut(records);
    if (events.length) await db.events.bulkAdd(events);
  });
  return { saved: cases.length, created };
}

/** Open cases, most urgent first (index order), then the rest. */
export async function listUrgent(db: RadarDB, limit = 50): Promise<CaseRecord[]> {
  return db.cases.where('[open+deadlineAt]').between([1, -Infinity], [1, Infinity]).limit(limit).toArray();
}

export async function listAll(db: RadarDB, limit = 500): Promise<CaseRecord[]> {
  const open = await listUrgent(db, limit);
  if (open.length >= limit) return open;
  const closed = await db.cases
    .where('[open+deadlineAt]')
    .between([0, -Infinity], [0, Infinity])
    .limit(limit - open.length)
    .toArray();
  return [...open, ...closed];
}
