/** The background's answer to each protocol message. Pure of browser APIs: the db is passed in. */
import { listUrgent, upsertCases } from '../storage/cases';
import type { RadarDB } from '../storage/db';
import type { CaseSnapshot } from '../shared/types';
import { parseMessage, type Reply } from './protocol';

export async function handleMessage(db: RadarDB, input: unknown): Promise<Reply> {
  const parsed = parseMessage(input);
  if (!parsed.ok) return parsed;
  const msg = parsed.message;
  try {
    switch (msg.type) {
      case 'cases/seen':
        return { ok: true, value: await upsertCases(db, msg.cases as CaseSnapshot[], msg.source) };
      case 'cases/urgent':
        return { ok: true, value: await listUrgent(db, msg.limit ?? 50) };
    }
  } catch (e) {
    return { ok: false, error: `storage error: ${e instanceof Error ? e.message : String(e)}` };
  }
}
