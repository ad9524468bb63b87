/**
 * Writing page readings into the ledger and reading the queue back out.
 */
import type { ShopPolicy } from '../engine/policy';
import { EMPTY_POLICY } from '../engine/policy';
import { amountAtStake, FINAL_STATUSES, type CaseSnapshot, type Observation } from '../shared/types';
import { caseKey } from '../shared/case-key';
import { toChinaIso } from '../shared/china-time';
import { SEEN_REFRESH_MS, STORED_FIELDS, sameCase, sameDeadline } from '../shared/case-fields';
import { dueOf, NO_DEADLINE, type CaseEvent, type CaseRecord, type RadarDB, type StaffData } from './db';

export { caseKey };

/** A deadline moving by less than this is the same deadline read again, not a change. */
const DEADLINE_JITTER_MS = 5 * 60_000;

/**
 * Merge one snapshot into a stored record. Each stored field (lib/shared/case-fields.ts: the same list
 * that decides whether a reading changed) the snapshot carries replaces the stored one
 * unless the stored value was observed later (two tabs, or a data response older than the page);
 * fields it does not carry are kept (but drift notes, which only the latest reading's stand for);
 * staff data is never touched.
 */
export function mergeCase(
  prev: CaseRecord | undefined,
  snap: CaseSnapshot,
  source: Observation,
  policy: ShopPolicy = EMPTY_POLICY,
): CaseRecord {
  const readAt = Date.parse(source.readAt);
  const seen: Record<string, string> = { ...(prev?.fieldSeenAt ?? {}) };
  const merged: Record<string, unknown> = { ...(prev ?? {}) };
  const newer = (field: string) => {
    const t = seen[field] ? Date.parse(seen[field]) : Number.NEGATIVE_INFINITY;
    return !(t > readAt);
  };
  for (const field of STORED_FIELDS) {
    const value = snap[field];
    if (value === undefined) {
      // Drift notes (labels the page should show but did not) describe one reading: a newer reading
      // without any clears them, or the case would warn of a missing field long after it was read.
      if (field === 'drift' && merged.drift !== undefined && newer(field)) {
        delete merged.drift;
        seen[field] = source.readAt;
      }
      continue;
    }
    // A read that could not tell the status does not erase a known one.
    if (field === 'status' && value === 'UNKNOWN' && prev && prev.status !== 'UNKNOWN') continue;
    if (!newer(field)) continue;
    merged[field] = value;
    seen[field] = source.readAt;
  }
  const flags = { ...(prev?.flags ?? {}) } as Record<string, boolean | undefined>;
  for (const [flag, value] of Object.entries(snap.flags)) {
    if (value === undefined || !newer(`flags.${flag}`)) continue;
    flags[flag] = value;
    seen[`flags.${flag}`] = source.readAt;
  }
  ownShop(merged, prev, snap.shop);
  const rec = merged as unknown as CaseRecord;
  rec.platform = snap.platform;
  rec.disputeId = snap.disputeId;
  rec.kind = prev?.kind ?? snap.kind;
  rec.status = (merged.status as CaseRecord['status']) ?? 'UNKNOWN';
  rec.flags = flags;
  rec.key = caseKey(snap);
  rec.firstSeenAt = prev?.firstSeenAt ?? source.readAt;
  rec.lastSeenAt = prev && Date.parse(prev.lastSeenAt) > readAt ? prev.lastSeenAt : source.readAt;
  rec.lastSource = prev && Date.parse(prev.lastSeenAt) > readAt ? prev.lastSource : source;
  rec.fieldSeenAt = seen;
  // A page countdown read before the status changed belongs to the old state.
  if (prev && prev.status !== rec.status && !snap.pageDeadline) delete rec.pageDeadline;
  rec.open = FINAL_STATUSES.has(rec.status) ? 0 : 1;
  rec.due = rec.open ? dueOf(rec, policy) : null;
  rec.deadlineAt = rec.due ? Date.parse(rec.due.at) : NO_DEADLINE;
  rec.amountFen = amountAtStake(rec);
  if (prev?.due?.at !== rec.due?.at)
    rec.alertsSent =
      prev?.due && rec.due && Math.abs(Date.parse(prev.due.at) - Date.parse(rec.due.at)) < DEADLINE_JITTER_MS
        ? prev.alertsSent
        : [];
  if (prev?.staff) rec.staff = prev.staff;
  return rec;
}

/**
 * A case's shop is set by the first reading that names one and never changes silently: a reading
 * that names another keeps the stored shop and says so in the case's drift notes.
 */
function ownShop(merged: Record<string, unknown>, prev: CaseRecord | undefined, named: string | undefined) {
  if (named === undefined) return;
  if (prev?.shop === undefined) {
    merged.shop = named;
    return;
  }
  if (prev.shop === named) return;
  const note = `店铺：这次读到“${named}”，台账记为“${prev.shop}”，未改动（请确认登录的店铺）`.slice(0, 200);
  const drift = Array.isArray(merged.drift) ? (merged.drift as string[]).filter((d) => d !== note) : [];
  merged.drift = [note, ...drift].slice(0, 10);
}

function eventsFor(prev: CaseRecord | undefined, next: CaseRecord, source: Observation): CaseEvent[] {
  // In China time whatever offset the reading carried: the timeline is ranged by this text (digest, 日报).
  const base = { caseKey: next.key, at: toChinaIso(Date.parse(source.readAt)), page: source.page, url: source.url };
  if (!prev) return [{ ...base, type: 'first-seen', to: next.statusText ?? next.status }];
  const out: CaseEvent[] = [];
  if (prev.status !== next.status) {
    // Only a state that was read can be said to have been decided by the platform at its deadline.
    const missed = prev.status !== 'UNKNOWN' && !!prev.due && Date.parse(prev.due.at) <= Date.parse(source.readAt);
    out.push({
      ...base,
      type: 'status-change',
      from: prev.statusText ?? prev.status,
      to: next.statusText ?? next.status,
      ...(missed ? { auto: true } : {}),
      ...(next.open ? {} : { closed: true }),
    });
  }
  const before = prev.due ? Date.parse(prev.due.at) : undefined;
  const after = next.due ? Date.parse(next.due.at) : undefined;
  if (before !== undefined && after !== undefined && Math.abs(before - after) >= DEADLINE_JITTER_MS) {
    out.push({ ...base, type: 'deadline-change', from: prev.due!.at, to: next.due!.at });
  }
  return out;
}

/**
 * Whether a merged record says the same as the stored one: every stored field, a page countdown that
 * names the same deadline (lib/shared/case-fields.ts `sameCase`), the same deadline and what happens
 * at it. Only the bookkeeping of when it was seen may differ.
 */
export function sameMeaning(prev: CaseRecord, next: CaseRecord): boolean {
  if (!sameCase(prev, next) || prev.open !== next.open || prev.amountFen !== next.amountFen) return false;
  if (!prev.due || !next.due) return !prev.due && !next.due;
  if (prev.due.consequence !== next.due.consequence || prev.due.basis !== next.due.basis) return false;
  if (prev.deadlineAt === next.deadlineAt) return true;
  const p = prev.pageDeadline;
  const q = next.pageDeadline;
  return !!p && !!q && sameDeadline(prev.deadlineAt, p.text, next.deadlineAt, q.text);
}

/**
 * Store a page's cases in one transaction (all or nothing); returns how many were new, and the keys
 * of those written because they changed in meaning (new ones too). A case read again unchanged is not
 * written, but to say it was still seen (at most every SEEN_REFRESH_MS).
 */
export async function upsertCases(
  db: RadarDB,
  cases: CaseSnapshot[],
  source: Observation,
  policy: ShopPolicy = EMPTY_POLICY,
): Promise<{ saved: number; created: number; createdKeys: string[]; changedKeys: string[] }> {
  return upsertObservations(
    db,
    cases.map((snap) => ({ snap, source })),
    policy,
    undefined,
    true,
  );
}

/**
 * Store observations of cases, each with its own source (a page read here, or a colleague's by team
 * sync), in one transaction. `touch` may add to each merged record before it is stored.
 */
export async function upsertObservations(
  db: RadarDB,
  observed: { snap: CaseSnapshot; source: Observation }[],
  policy: ShopPolicy = EMPTY_POLICY,
  touch?: (rec: CaseRecord, i: number) => void,
  onlyChanged = false,
): Promise<{ saved: number; created: number; createdKeys: string[]; changedKeys: string[] }> {
  const createdKeys: string[] = [];
  const changedKeys = new Set<string>();
  await db.transaction('rw', db.cases, db.events, async () => {
    const keys = observed.map((o) => caseKey(o.snap));
    const prevs = await db.cases.bulkGet(keys);
    const latest = new Map<string, CaseRecord>();
    const events: CaseEvent[] = [];
    observed.forEach(({ snap, source }, i) => {
      const key = keys[i]!;
      const prev = latest.get(key) ?? prevs[i];
      const next = mergeCase(prev, snap, source, policy);
      touch?.(next, i);
      if (!prev) createdKeys.push(key);
      if (onlyChanged && prev && sameMeaning(prev, next)) {
        // Unchanged: only its last-seen time, and that rarely (the cockpit warns of cases unread for hours).
        if (Date.parse(next.lastSeenAt) - Date.parse(prev.lastSeenAt) >= SEEN_REFRESH_MS / 2)
          latest.set(key, { ...prev, lastSeenAt: next.lastSeenAt, lastSource: next.lastSource });
        return;
      }
      changedKeys.add(key);
      latest.set(key, next);
      events.push(...eventsFor(prev, next, source));
    });
    if (latest.size) await db.cases.bulkPut([...latest.values()]);
    if (events.length) await db.events.bulkAdd(events);
  });
  return { saved: observed.length, created: createdKeys.length, createdKeys, changedKeys: [...changedKeys] };
}

/** Every open case, in deadline order (an index range). */
const openByDeadline = (db: RadarDB) => db.cases.where('[open+deadlineAt]').between([1, -Infinity], [1, Infinity]);

/** The urgency order of the queue (popup, sidebar cockpit): earliest deadline first, equal deadlines by money at stake. */
export function byUrgency(a: CaseRecord, b: CaseRecord): number {
  return a.deadlineAt - b.deadlineAt || (b.amountFen ?? 0) - (a.amountFen ?? 0);
}

/** Open cases, most urgent first; equal deadlines by money at stake. */
export async function listUrgent(db: RadarDB, limit = 50): Promise<CaseRecord[]> {
  const rows = await openByDeadline(db).limit(limit).toArray();
  return rows.sort(byUrgency);
}

/** Open cases whose deadline falls before `until` (epoch ms), overdue ones included, most urgent first. */
export async function listOpenDueBefore(db: RadarDB, until: number, limit = 2000): Promise<CaseRecord[]> {
  const rows = await db.cases.where('[open+deadlineAt]').between([1, -Infinity], [1, until]).limit(limit).toArray();
  return rows.sort(byUrgency);
}

/** How many cases are open, counted by index. */
export function countOpen(db: RadarDB): Promise<number> {
  return openByDeadline(db).count();
}

/**
 * Cases whose order number or dispute id starts with `q`, finished ones included, from the whole
 * ledger (by index, so a 100,000-case ledger answers at once). Most urgent open ones first.
 */
export async function searchCases(db: RadarDB, q: string, limit = 50): Promise<CaseRecord[]> {
  const digits = q.replace(/\s+/g, '');
  if (!/^\d{3,24}$/.test(digits)) return [];
  const rows = await db.cases
    .where('orderId')
    .startsWith(digits)
    .or('disputeId')
    .startsWith(digits)
    .limit(limit)
    .toArray();
  return rows.sort((a, b) => b.open - a.open || a.deadlineAt - b.deadlineAt);
}

/** Change a case's staff data; the timeline records it. Returns the updated record, or undefined. */
export async function updateStaff(
  db: RadarDB,
  key: string,
  patch: StaffData & { step?: { text: string; done: boolean } },
  at: string,
): Promise<CaseRecord | undefined> {
  return db.transaction('rw', db.cases, db.events, async () => {
    const rec = await db.cases.get(key);
    if (!rec) return undefined;
    const staff: StaffData = { ...(rec.staff ?? {}) };
    const events: CaseEvent[] = [];
    if (patch.note !== undefined && patch.note !== staff.note) {
      staff.note = patch.note;
      events.push({ caseKey: key, type: 'note', at, to: patch.note });
    }
    if (patch.handled !== undefined && patch.handled !== !!staff.handled) {
      staff.handled = patch.handled;
      events.push({ caseKey: key, type: 'handled', at, to: patch.handled ? '已处理' : '未处理' });
    }
    if (patch.assignee !== undefined) staff.assignee = patch.assignee;
    if (patch.step) {
      const done = new Set(staff.stepsDone ?? []);
      if (patch.step.done) done.add(patch.step.text);
      else done.delete(patch.step.text);
      staff.stepsDone = [...done];
      events.push({ caseKey: key, type: 'step', at, to: `${patch.step.done ? '完成' : '取消'}：${patch.step.text}` });
    }
    await db.cases.update(key, { staff });
    if (events.length) await db.events.bulkAdd(events);
    return { ...rec, staff };
  });
}

/** A case and its timeline, newest event first. */
export async function caseWithTimeline(
  db: RadarDB,
  key: string,
): Promise<{ record: CaseRecord; events: CaseEvent[] } | undefined> {
  const record = await db.cases.get(key);
  if (!record) return undefined;
  const events = await db.events
    .where('[caseKey+at]')
    .between([key, ''], [key, '\uffff'])
    .reverse()
    .limit(200)
    .toArray();
  return { record, events };
}
