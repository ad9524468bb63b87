/** The background's answer to each protocol message. Pure of browser APIs: the db is passed in. */
import { listUrgent, upsertCases } from '../storage/cases';
import type { RadarDB } from '../storage/db';
import type { CaseSnapshot } from '../shared/types';
import { parseMessage, type Message, type Reply } from './protocol';

/** Where a message came from, as the browser reports it (never as the message says). */
export interface Sender {
  tabId?: number;
  frameId?: number;
}

/** Passing a child frame's reading on to the tab's top frame. */
export type RelayToTop = (tabId: number, message: Message) => Promise<void>;

export async function handleMessage(db: RadarDB, input: unknown, sender: Sender = {}, relay?: RelayToTop): Promise<Reply> {
  const parsed = parseMessage(input);
  if (!parsed.ok) return parsed;
  const msg = parsed.message;
  try {
    switch (msg.type) {
      case 'cases/seen': {
        const saved = await upsertCases(db, msg.cases as CaseSnapshot[], msg.source);
        if (msg.frameReading && relay && sender.tabId !== undefined && sender.frameId) {
          await relay(sender.tabId, { type: 'frame/reading', url: msg.source.url, reading: msg.frameReading }).catch(() => undefined);
        }
        return { ok: true, value: saved };
      }
      case 'frame/reading':
        return { ok: false, error: 'frame/reading is sent by the background only' };
      case 'cases/urgent':
        return { ok: true, value: await listUrgent(db, msg.limit ?? 50) };
    }
  } catch (e) {
    return { ok: false, error: `storage error: ${e instanceof Error ? e.message : String(e)}` };
  }
}
