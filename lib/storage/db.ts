/**
 * The ledger: one Dexie database in the extension's own origin (background, popup, options).
 * Content scripts never open it: their IndexedDB would belong to the seller page's origin.
 * Every schema version lives in this file.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { CaseSnapshot, Observation } from '../shared/types';

/** A case as the ledger keeps it: the merged snapshot plus bookkeeping and staff data. */
export interface CaseRecord extends CaseSnapshot {
  /** `${platform}:${disputeId}` */
  key: string;
  firstSeenAt: string;
  lastSeenAt: string;
  lastSource: Observation;
  /** 1 while the case can still change; an index key (IndexedDB cannot index booleans). */
  open: 0 | 1;
  /** Next platform auto-action, epoch ms; NO_DEADLINE when none is known. */
  deadlineAt: number;
  /** Staff data, never written by a page read. */
  staff?: { note?: string; handled?: boolean; assignee?: string };
}

export type CaseEventType = 'first-seen' | 'status-change' | 'deadline-change' | 'note' | 'handled';

export interface CaseEvent {
  id?: number;
  caseKey: string;
  type: CaseEventType;
  at: string;
  page: Observation['page'];
  url: string;
  from?: string;
  to?: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** Sorts after every real deadline in the [open+deadlineAt] index. */
export const NO_DEADLINE = 8.64e15;

export const DB_NAME = 'aftersales-radar';

export type RadarDB = Dexie & {
  cases: EntityTable<CaseRecord, 'key'>;
  events: EntityTable<CaseEvent, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
};

/** Open (lazily) the ledger. `name` is for tests. */
export function createDb(name = DB_NAME): RadarDB {
  const db = new Dexie(name) as RadarDB;
  // v1 (2026-11-22): cases by urgency and order, the case timeline, settings.
  db.version(1).stores({
    cases: '&key, orderId, disputeId, [open+deadlineAt], lastSeenAt',
    events: '++id, caseKey, at',
    settings: '&key',
  });
  return db;
}
