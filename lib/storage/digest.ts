/** "Changed since you last looked": new cases, status changes and auto-actions, from the timeline. */
import type { CaseEvent, RadarDB } from './db';

export const LAST_LOOKED_KEY = 'popupLastLooked';

export interface Digest {
  since: string | null;
  newCases: number;
  statusChanges: CaseEvent[];
  /** Status changes seen after the platform's deadline had passed: the platform decided. */
  autoActions: CaseEvent[];
  /** Cases among those that changed status which are finished now (no deadline left to watch). */
  finished: number;
}

/** At most this many status changes are loaded for the digest; more are counted. */
const MAX_LISTED = 200;

/** A status change the platform made because the deadline passed (seen after it, or worded 超时). */
export function platformDecided(e: CaseEvent): boolean {
  return !!e.auto || /超时/.test(e.to ?? '');
}

export async function digestSince(db: RadarDB, since: string | null): Promise<Digest> {
  if (!since) return { since, newCases: 0, statusChanges: [], autoActions: [], finished: 0 };
  const range = (type: CaseEvent['type']) =>
    db.events.where('[type+at]').between([type, since], [type, '\uffff'], false, true);
  const [newCases, changes] = await Promise.all([
    range('first-seen').count(),
    range('status-change').limit(MAX_LISTED).toArray(),
  ]);
  const changed = await db.cases.bulkGet([...new Set(changes.map((e) => e.caseKey))]);
  const finished = changed.filter((c) => c && c.open === 0).length;
  return { since, newCases, statusChanges: changes, autoActions: changes.filter(platformDecided), finished };
}
