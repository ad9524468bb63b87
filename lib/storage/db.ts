/**
 * The ledger: one Dexie database in the extension's own origin (background, popup, options).
 * Content scripts never open it: their IndexedDB would belong to the seller page's origin.
 * Every schema version and every upgrade lives in this file.
 */
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import { amountAtStake, type AutoAction, type CaseSnapshot, type Observation, type Platform } from '../shared/types';
import type { CommitmentEntry } from '../engine/policy';
import type { RuleId } from '../engine/rules';
import { EMPTY_POLICY, nextDeadline } from '../engine';
import { dueAtV2, firstShopV6, unreadDueV5 } from './frozen-upgrades';

/**
 * The platform's next auto-action for a case, as the engine judged it when the case was stored.
 * `actor` null: the case's state was not read, so whose turn it is is not known, and `consequence`
 * is only what the page's countdown announced (null when it announced nothing).
 */
export interface Due {
  at: string;
  basis: 'page' | 'rule';
  consequence: AutoAction | null;
  actor: 'seller' | 'buyer' | null;
  ruleId?: RuleId;
}

/** Staff's own data about a case. Never written by a page read. */
export interface StaffData {
  note?: string;
  handled?: boolean;
  assignee?: string;
  /** Next-step checklist items ticked off. */
  stepsDone?: string[];
}

/** What colleagues did with a case, from team sync (lib/sync): shown beside this browser's staff data. */
export interface TeamView {
  /** 认领: who claimed the case and when, earliest first. Advice only: anyone can still act. */
  claims: { by: string; at: string }[];
  /** Notes a colleague wrote at the same time as the note shown, until someone sets them aside. */
  otherNotes: { value: string; by: string; at: string }[];
  /** Who wrote the note, and set the handled mark. */
  note?: { by: string; at: string };
  handled?: { by: string; at: string };
  /** The last colleague whose browser read the case (synced case snapshots). */
  seenBy?: { by: string; at: string };
}

/** A case as the ledger keeps it: the merged snapshot plus bookkeeping and staff data. */
export interface CaseRecord extends CaseSnapshot {
  /** `${platform}:${disputeId}` */
  key: string;
  firstSeenAt: string;
  lastSeenAt: string;
  lastSource: Observation;
  /** When each field was last observed: a newer observation wins per field. */
  fieldSeenAt?: Record<string, string>;
  /** 1 while the case can still change; an index key (IndexedDB cannot index booleans). */
  open: 0 | 1;
  due?: Due | null;
  /** `due.at` as epoch ms, NO_DEADLINE when none is known: the urgency index. */
  deadlineAt: number;
  /** Money at stake (refund or postage), fen: the tie-breaker after time. */
  amountFen?: number;
  /** Alert thresholds (minutes before due; 0 = overdue) already notified for the current due time. */
  alertsSent?: number[];
  staff?: StaffData;
  team?: TeamView;
}

export type CaseEventType =
  'first-seen' | 'status-change' | 'deadline-change' | 'note' | 'handled' | 'step' | 'claim' | 'imported';

export interface CaseEvent {
  id?: number;
  caseKey: string;
  type: CaseEventType;
  at: string;
  page?: Observation['page'];
  url?: string;
  from?: string;
  to?: string;
  /** A status change seen after the platform's deadline had passed: the platform decided. */
  auto?: boolean;
  /** A status change into a final state: the case finished (recorded since 2026-12; older events lack it). */
  closed?: boolean;
  /** The colleague who did it (staff events that came by team sync). */
  by?: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * A commitment entry as stored, with its row id and its shop (since v6). An entry without a shop is
 * the primary shop's: the commitments recorded before shops were told apart.
 */
export type PolicyRecord = CommitmentEntry & { id?: number; shop?: string };

/**
 * A shop this browser has seen on a page (since v6). The primary shop is the first: the settings kept
 * before shops were told apart (the settings keys without a shop, the commitments without one) are its.
 */
export interface ShopRecord {
  /** The shop's name as its pages show it. */
  name: string;
  primary?: 1;
  platform?: Platform;
  /** Its pages' header carries the Tmall mark. */
  tmall?: true;
  firstSeenAt?: string;
}

/** A user-written (or user-edited) reply template. */
export interface ReplyRecord {
  id: string;
  /** The shop whose own template this is (since v6); absent: shared by every shop. */
  shop?: string;
  title: string;
  category: string;
  body: string;
  order: number;
  /** Set when this edits a shipped template (by id); absent for the user's own. */
  shippedId?: string;
  deleted?: boolean;
  updatedAt: string;
}

/** Sorts after every real deadline in the [open+deadlineAt] index. */
export const NO_DEADLINE = 8.64e15;

export const DB_NAME = 'aftersales-radar';

export type RadarDB = Dexie & {
  cases: EntityTable<CaseRecord, 'key'>;
  events: EntityTable<CaseEvent, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
  policies: EntityTable<PolicyRecord, 'id'>;
  replies: EntityTable<ReplyRecord, 'id'>;
  shops: EntityTable<ShopRecord, 'name'>;
};

/** The ledger's schema, version by version. */
export const SCHEMA = {
  // v1 (2026-11-22): cases by urgency and order, the case timeline, settings.
  1: {
    cases: '&key, orderId, disputeId, [open+deadlineAt], lastSeenAt',
    events: '++id, caseKey, at',
    settings: '&key',
  },
  // v2 (2026-11-22): the shop's commitments and reply templates; the timeline per case in order.
  2: {
    cases: '&key, orderId, disputeId, [open+deadlineAt], lastSeenAt',
    events: '++id, caseKey, at, [caseKey+at]',
    settings: '&key',
    policies: '++id, type, effectiveFrom',
    replies: '&id, category, order',
  },
  // v3 (2026-11-22): the timeline by type, so "changed since you last looked" counts without loading it.
  3: {
    cases: '&key, orderId, disputeId, [open+deadlineAt], lastSeenAt',
    events: '++id, caseKey, at, [caseKey+at], [type+at]',
    settings: '&key',
    policies: '++id, type, effectiveFrom',
    replies: '&id, category, order',
  },
  // v4 (2026-11-22): drops the indexes no query uses (cases by lastSeenAt; events by caseKey alone,
  // which [caseKey+at] serves): every write paid for them.
  4: {
    cases: '&key, orderId, disputeId, [open+deadlineAt]',
    events: '++id, at, [caseKey+at], [type+at]',
    settings: '&key',
    policies: '++id, type, effectiveFrom',
    replies: '&id, category, order',
  },
  // v5 (2026-12-07, issue 38): no index changes; its upgrade clears what was guessed for cases whose
  // state was never read (upgradeToV5). Self-contained: on a merge that adds another version, renumber
  // this one (key, `db.version(n)`, the test's expected verno) and nothing else changes.
  5: {
    cases: '&key, orderId, disputeId, [open+deadlineAt]',
    events: '++id, at, [caseKey+at], [type+at]',
    settings: '&key',
    policies: '++id, type, effectiveFrom',
    replies: '&id, category, order',
  },
  // v6 (2026-12-07, issue 32): several shops in one browser. Each case and commitment knows its shop,
  // the shops seen are listed; the ledger and settings kept so far become the first shop's
  // (upgradeToV6). Self-contained like v5: a merge that adds another version renumbers this one.
  6: {
    cases: '&key, orderId, disputeId, [open+deadlineAt], shop',
    events: '++id, at, [caseKey+at], [type+at]',
    settings: '&key',
    policies: '++id, type, effectiveFrom, shop',
    replies: '&id, category, order',
    shops: '&name',
  },
} as const;

/**
 * v1 → v2: v1 knew a deadline only when the page showed a countdown. v2 stores the next deadline
 * (`due`), which also estimates one from the default rules, so open cases without a page countdown
 * get their place in the urgency order. Frozen (lib/storage/frozen-upgrades.ts): never the live engine.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<CaseRecord, string>('cases')
    .toCollection()
    .modify((rec) => {
      const due = dueAtV2(rec) as Due | null;
      rec.due = due;
      rec.deadlineAt = rec.open && due ? Date.parse(due.at) : NO_DEADLINE;
      rec.amountFen = amountAtStake(rec);
    });
}

/**
 * v4 → v5 (issue 38): a case whose state was never read (UNKNOWN) keeps only the page's countdown as
 * shown: no consequence the page did not announce, nobody's turn, no rule estimate (then no deadline).
 * Frozen like every upgrade; self-contained so a merge may renumber it.
 */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  await tx
    .table<CaseRecord, string>('cases')
    .toCollection()
    .modify((rec) => {
      const due = unreadDueV5(rec) as Due | null | undefined;
      if (due === undefined) return;
      rec.due = due;
      if (due) return;
      // Only an estimate was stored: no deadline is known, and the alerts sent for it go with it.
      rec.deadlineAt = NO_DEADLINE;
      delete rec.alertsSent;
    });
}

/**
 * v5 → v6 (issue 32): the ledger and settings kept so far become the first shop's. When the options
 * named the shop (设置 → 店铺名称), it is the primary shop now and every stored case is its; the
 * settings keys and commitments stay where they are (those without a shop are the primary's). When no
 * shop was named, nothing moves: the first shop a page names adopts them (`adoptFirstShop`). Nothing
 * is deleted. Frozen like every upgrade.
 */
export async function upgradeToV6(tx: Transaction): Promise<void> {
  const setting = await tx.table<SettingRecord, string>('settings').get('shop');
  const first = firstShopV6(setting?.value);
  if (!first) return;
  await adoptFirstShop(tx, first);
}

/**
 * Make `first` the primary shop and give it every case stored without a shop (the v6 upgrade, or the
 * first shop a page names after an upgrade that knew no shop name). Runs inside the caller's transaction.
 */
export async function adoptFirstShop(tx: Transaction, first: Omit<ShopRecord, 'primary'>): Promise<void> {
  const shops = tx.table<ShopRecord, string>('shops');
  const cases = tx.table<CaseRecord, string>('cases');
  const known = await shops.get(first.name);
  await shops.put({ ...first, ...known, primary: 1 });
  await cases
    .filter((rec) => rec.shop === undefined)
    .modify((rec) => {
      rec.shop = first.name;
    });
}

/** The engine's next deadline for a case, as stored in the ledger (null when none is known). */
export function dueOf(c: CaseSnapshot, policy = EMPTY_POLICY): Due | null {
  const d = nextDeadline(c, policy);
  if (!d || d.at === null) return null;
  return {
    at: d.at,
    basis: d.basis,
    consequence: d.consequence,
    actor: d.actor,
    ...(d.actor !== null && d.ruleId ? { ruleId: d.ruleId } : {}),
  };
}

/** Open the ledger. `name` is for tests. */
export function createDb(name = DB_NAME): RadarDB {
  const db = new Dexie(name) as RadarDB;
  db.version(1).stores(SCHEMA[1]);
  db.version(2).stores(SCHEMA[2]).upgrade(upgradeToV2);
  // v2 → v3 adds an index only; IndexedDB builds it from the stored events, no data changes.
  db.version(3).stores(SCHEMA[3]);
  db.version(4).stores(SCHEMA[4]);
  db.version(5).stores(SCHEMA[5]).upgrade(upgradeToV5);
  db.version(6).stores(SCHEMA[6]).upgrade(upgradeToV6);
  return db;
}
