/** "Changed since you last looked": new cases, status changes and auto-actions, from the timeline. */
import type { CaseEvent, RadarDB } from './db';

export const LAST_LOOKED_KEY = 'popupLastLooked';

export interface Digest {
  since: string | null;
  newCases: number;
  statusChanges: CaseEvent[];
  /** Status changes seen after the platform's deadline had passed: the platform decided. */
  autoActions: CaseEvent[];
}

export async function digestSince(db: RadarDB, since: string | null): Promise<Digest> {
  const events = since ? await db.events.where('at').above(since).toArray() : [];
  const changes = events.filter((e) => e.type === 'status-change');
  const auto = changes.filter((e) => e.auto || /超时/.test(e.to ?? ''));
  return { since, newCases: events.filter((e) => e.type === 'first-seen').length, statusChanges: changes, autoActions: auto };
}
