/** The background's answer to each protocol message. Free of browser APIs: the db and hooks are passed in. */
import { assess } from '../../lib/engine/assess';
import type { ShopPolicy } from '../../lib/engine/policy';
import { markOf, type BadgeMark } from '../../lib/engine/mark';
import { toChinaIso } from '../../lib/shared/china-time';
import type { CaseSnapshot, Observation, PageShop, Platform } from '../../lib/shared/types';
import { caseWithTimeline, listUrgent, updateStaff, upsertCases } from '../../lib/storage/cases';
import type { CaseRecord, RadarDB } from '../../lib/storage/db';
import type { SyncStatus } from '../../lib/sync/replicator';
import type { StaffPatch } from '../../lib/sync/team-case';
import { caseKey } from '../../lib/shared/case-key';
import { claimsText } from '../../lib/ui/format';
import { clearAll, exportAll, importAll, parseBackup, pruneClosed } from '../../lib/storage/backup';
import { isMeaning, loadTaught, taughtFor, teach } from '../../lib/storage/taught';
import { loadTaughtStatuses, taughtStatusesFor, teachStatus } from '../../lib/storage/taught-status';
import { loadCasePolicy, loadPolicy } from '../../lib/storage/policy-store';
import { forgetKnownShops, knowShop, listShops } from '../../lib/storage/shops';
import { loadCockpit } from '../../lib/storage/cockpit';
import { resolveCase } from '../../lib/page/parse';
import type { PageData } from './page-data';
import type { TabShops } from '../../lib/messaging/tab-shops';
import {
  parseMessage,
  type Message,
  type MessageType,
  type Reply,
  type ReplyFor,
  type ReplyTo,
  type ReplyValues,
} from '../../lib/messaging/protocol';
import type { ToSidebar } from '../../lib/messaging/sidebar-port';
import { SHIPPED_REPLIES } from '../../lib/replies/library';
import { effectiveTemplates } from '../../lib/replies/merge';

/** An ok reply to a message of `type`: its value must be what the protocol fixes for that type. */
const answer = <T extends MessageType>(_type: T, value: ReplyValues[T]): ReplyFor<T> => ({ ok: true, value });

/** Where a message came from, as the browser reports it (never as the message says). */
export interface Sender {
  tabId?: number;
  frameId?: number;
}

export interface HandlerHooks {
  /** The page data responses content scripts forwarded, which fill the cases their frames read. */
  data?: PageData;
  /** Passing a child frame's reading on to the tab's top frame. */
  relayToTop?: (tabId: number, message: Message) => Promise<void>;
  /** Passing a reading on to the tab's sidebar; false when no sidebar of that tab listens. */
  showInSidebar?: (tabId: number, message: ToSidebar) => boolean;
  /** After the ledger changed: re-plan alerts and the badge. */
  afterWrite?: () => void;
  /** After staff taught or forgot a page label or status wording: open seller tabs read their page again. */
  afterTaught?: () => void;
  /** Run the alert sweep now. */
  sweep?: () => Promise<unknown>;
  /** Open or focus a case's page. */
  openCase?: (key: string) => Promise<void>;
  /**
   * Team sync (entrypoints/background/team.ts): staff data through the team's document ('off': sync is
   * off, the ledger alone), what to do after a page read was stored, and a run now.
   */
  teamStaff?: (key: string, patch: StaffPatch) => Promise<CaseRecord | undefined | 'off'>;
  /** Answers whether team sync is on. */
  afterSeen?: (keys: string[], createdKeys: string[]) => Promise<boolean>;
  teamRun?: () => Promise<SyncStatus>;
  /** The shop each tab's pages last named: a page that names none is its tab's shop. */
  tabShops?: TabShops;
  /** The clock, for stamping staff edits (the background passes Date.now). */
  now?: () => number;
}

/** Storage failures in words a staff member can act on. */
export function storageError(e: unknown): string {
  const name =
    (e as { name?: string; inner?: { name?: string } } | null)?.inner?.name ?? (e as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError')
    return '本地存储空间已满：请在设置中导出后清理旧数据。页面上的售后单不受影响。 / Storage is full: export, then prune old data.';
  return `本地台账出错 / storage error: ${e instanceof Error ? e.message : String(e)}`;
}

/**
 * What each row's badge shows: judged here, so the page's content script carries no engine; with
 * team sync, colleagues' claims for the tooltips.
 */
async function marksFor(
  db: RadarDB,
  cases: CaseSnapshot[],
  policy: ShopPolicy,
  now: number,
  claims: boolean,
): Promise<Record<string, BadgeMark>> {
  const marks: Record<string, BadgeMark> = {};
  for (const c of cases) marks[c.disputeId] = markOf(assess(c, policy, now));
  if (claims)
    for (const rec of await db.cases.bulkGet(cases.map(caseKey))) {
      const mark = rec && marks[rec.disputeId];
      if (mark && rec.team?.claims.length) mark.claimedBy = claimsText(rec.team.claims);
    }
  return marks;
}

/** A page's cases as their shop's: every case stores the shop its page (or tab) named. */
const owned = (cases: CaseSnapshot[], shop: PageShop | undefined) =>
  shop ? cases.map((c) => ({ ...c, shop: shop.name })) : cases;

/**
 * Store a page's cases, and judge each row's badge, by their own shop's settings (the first shop a
 * page names adopts the ledger kept before shops were told apart).
 */
async function storeSeen(
  db: RadarDB,
  hooks: HandlerHooks,
  read: { shop: PageShop | undefined; platform: Platform; cases: CaseSnapshot[]; source: Observation; now: number },
) {
  const { shop, cases, source } = read;
  if (shop) await knowShop(db, shop, shop.tmall ? 'tmall' : read.platform, source.readAt);
  const policy = await loadCasePolicy(db, shop?.name);
  const { createdKeys, changedKeys, ...saved } = await upsertCases(db, cases, source, policy);
  // Only cases that changed in meaning were written, and only they are offered to team sync.
  if (changedKeys.length) hooks.afterWrite?.();
  const teamOn = await hooks.afterSeen?.(changedKeys, createdKeys).catch(() => true);
  return { saved, marks: await marksFor(db, cases, policy, read.now, !!teamOn) };
}

/** A backup file merged into the ledger; with team sync (and cases shared), its cases go to the team too. */
async function importBackup(db: RadarDB, text: string, hooks: HandlerHooks): Promise<Reply> {
  const backup = parseBackup(text);
  if (!backup.ok) return backup;
  const report = await importAll(db, backup.backup);
  hooks.afterWrite?.();
  await hooks.afterSeen?.(
    backup.backup.cases.map((c) => c.key),
    [],
  );
  hooks.afterTaught?.();
  return answer('data/import', report);
}

type TeachingMessage = Extract<
  Message,
  { type: 'labels/taught' | 'labels/teach' | 'statuses/taught' | 'statuses/teach' }
>;

/** What staff taught the reader (page labels, status wordings), per host: read, taught, forgotten. */
async function teaching(db: RadarDB, msg: TeachingMessage, hooks: HandlerHooks): Promise<Reply> {
  switch (msg.type) {
    case 'labels/taught':
      return msg.host === undefined
        ? answer(msg.type, await loadTaught(db))
        : ({ ok: true, value: await taughtFor(db, msg.host) } satisfies Reply<ReplyTo<typeof msg & { host: string }>>);
    case 'statuses/taught':
      return msg.host === undefined
        ? answer(msg.type, await loadTaughtStatuses(db))
        : ({ ok: true, value: await taughtStatusesFor(db, msg.host) } satisfies Reply<
            ReplyTo<typeof msg & { host: string }>
          >);
    case 'labels/teach': {
      const meaning = msg.meaning;
      if (meaning !== undefined && !isMeaning(meaning))
        return { ok: false, error: `不能教成“${meaning}” / not a field that can be taught` };
      const refused = await teach(db, msg.host, msg.label, meaning);
      if (refused) return { ok: false, error: refused };
      hooks.afterTaught?.();
      return answer(msg.type, await taughtFor(db, msg.host));
    }
    case 'statuses/teach': {
      if (msg.status === 'UNKNOWN') return { ok: false, error: '不能教成“未知” / not a status' };
      const refused = await teachStatus(db, msg.host, msg.kind, msg.wording, msg.status);
      if (refused) return { ok: false, error: refused };
      hooks.afterTaught?.();
      return answer(msg.type, await taughtStatusesFor(db, msg.host));
    }
  }
}

export async function handleMessage(
  db: RadarDB,
  input: unknown,
  sender: Sender = {},
  hooks: HandlerHooks = {},
): Promise<Reply> {
  const parsed = parseMessage(input);
  if (!parsed.ok) return parsed;
  const msg = parsed.message;
  const rejected = parsed.rejected?.length ? { rejected: parsed.rejected } : {};
  const now = (hooks.now ?? Date.now)();
  const epoch = hooks.data?.epoch;
  /**
   * What the sending frame's rows showed: their times and countdowns worked out as of the reading
   * (the page leaves that to us), then filled from the data responses the frame forwarded.
   */
  const completed = (read: CaseSnapshot[], readAt: number, doc: string | undefined) => {
    const cases = read.map((c) => resolveCase(c, readAt));
    return hooks.data && sender.tabId !== undefined
      ? hooks.data.fill(sender.tabId, sender.frameId ?? 0, doc, cases, readAt)
      : cases;
  };
  /** The page's shop: what its header named, else its tab's last naming page's (never another tab's). */
  const shopOf = async (named: PageShop | undefined) =>
    hooks.tabShops ? hooks.tabShops.resolve(sender.tabId, named) : named;
  /** The sidebar's diagnostics of the tab's data responses (fields switched off, responses ignored). */
  const dataNotes = (tabId: number) => {
    const notes = hooks.data?.notes(tabId);
    return notes?.length ? { dataNotes: notes } : {};
  };
  try {
    switch (msg.type) {
      case 'cases/seen': {
        const readAt = Date.parse(msg.source.readAt);
        const shop = await shopOf(msg.shop ?? msg.sidebar?.reading.shop);
        const cases = owned(completed(msg.cases, readAt, msg.doc), shop);
        // The sidebar first: staff see the list while the ledger stores it.
        let shown = false;
        if (msg.sidebar && hooks.showInSidebar && sender.tabId !== undefined && sender.frameId === 0) {
          const { seq, last, reading } = msg.sidebar;
          shown = hooks.showInSidebar(sender.tabId, {
            type: 'reading',
            reading: { ...reading, ...(shop ? { shop } : {}), cases },
            readAt,
            seq,
            last,
            ...dataNotes(sender.tabId),
          });
        }
        const platform = msg.cases[0]?.platform ?? msg.sidebar?.reading.platform ?? 'taobao';
        const { saved, marks } = await storeSeen(db, hooks, { shop, platform, cases, source: msg.source, now });
        if (msg.frameReading && hooks.relayToTop && sender.tabId !== undefined && sender.frameId) {
          const reading = {
            ...msg.frameReading,
            ...(shop ? { shop } : {}),
            cases: owned(completed(msg.frameReading.cases, readAt, msg.doc), shop),
          };
          await hooks
            .relayToTop(sender.tabId, { type: 'frame/reading', url: msg.source.url, reading })
            .catch(() => undefined);
        }
        return answer(msg.type, { ...saved, marks, shown, ...rejected, ...(epoch ? { epoch } : {}) });
      }
      case 'page/data': {
        if (!hooks.data || sender.tabId === undefined || sender.frameId === undefined)
          return { ok: false, error: "page/data comes from a page's content script" };
        if (!hooks.data.keep(sender.tabId, sender.frameId, msg.doc, msg.platform, msg.text))
          return { ok: false, error: 'page/data: the response is not JSON (nor JSONP)' };
        return answer(msg.type, { epoch: hooks.data.epoch });
      }
      case 'reading/show': {
        if (sender.tabId === undefined || sender.frameId !== 0)
          return { ok: false, error: "reading/show comes from a tab's top frame" };
        const shop = await shopOf(msg.reading.shop);
        const reading = {
          ...msg.reading,
          ...(shop ? { shop } : {}),
          cases: owned(completed(msg.reading.cases, msg.readAt, msg.doc), shop),
        };
        const shown =
          hooks.showInSidebar?.(sender.tabId, {
            type: 'reading',
            reading,
            readAt: msg.readAt,
            seq: msg.seq,
            last: msg.last,
            ...dataNotes(sender.tabId),
          }) ?? false;
        return answer(msg.type, { shown, ...(epoch ? { epoch } : {}) });
      }
      case 'frame/reading':
        return { ok: false, error: 'frame/reading is sent by the background only' };
      case 'cases/urgent':
        return answer(msg.type, await listUrgent(db, msg.limit ?? 50));
      case 'cockpit/get':
        return answer(
          msg.type,
          await loadCockpit(db, now, await loadPolicy(db), {
            since: msg.since,
            look: msg.look,
            nowIso: toChinaIso(now),
          }),
        );
      case 'case/get':
        return answer(msg.type, (await caseWithTimeline(db, msg.key)) ?? null);
      case 'case/staff': {
        const { type: _t, key, ...patch } = msg;
        const viaTeam = (await hooks.teamStaff?.(key, patch)) ?? 'off';
        if (viaTeam === 'off' && (patch.claim !== undefined || patch.dismissNotes))
          return { ok: false, error: '认领需要先开启团队同步 / claims need team sync' };
        const rec = viaTeam === 'off' ? await updateStaff(db, key, patch, toChinaIso(now)) : viaTeam;
        if (!rec) return { ok: false, error: `no such case: ${key}` };
        hooks.afterWrite?.();
        return answer(msg.type, rec);
      }
      case 'policy/get':
        // A page that named no shop (nor did its tab) is judged as a case of an unknown shop.
        return answer(msg.type, await (msg.ofPage ? loadCasePolicy(db, msg.shop) : loadPolicy(db, msg.shop)));
      case 'shops/list':
        return answer(msg.type, await listShops(db));
      case 'labels/taught':
      case 'labels/teach':
      case 'statuses/taught':
      case 'statuses/teach':
        return teaching(db, msg, hooks);
      case 'replies/list':
        // The library lives here, not in the content script: pages get the shop's effective templates.
        return answer(msg.type, effectiveTemplates(SHIPPED_REPLIES, await db.replies.toArray()));
      case 'data/export':
        return answer(msg.type, await exportAll(db, toChinaIso(now), { includeBuyer: msg.includeBuyer ?? true }));
      case 'data/import':
        return await importBackup(db, msg.text, hooks);
      case 'data/prune': {
        const removed = await pruneClosed(db, msg.days, now);
        hooks.afterWrite?.();
        return answer(msg.type, { removed });
      }
      case 'data/clear':
        await clearAll(db);
        forgetKnownShops(db);
        hooks.afterWrite?.();
        return answer(msg.type, { cleared: true });
      case 'case/open':
        await hooks.openCase?.(msg.key);
        return answer(msg.type, null);
      case 'sync/now':
        return answer(msg.type, (await hooks.teamRun?.()) ?? { state: 'off', pending: 0 });
      case 'alerts/sweep':
        return answer(msg.type, (await hooks.sweep?.()) ?? null);
    }
  } catch (e) {
    return { ok: false, error: storageError(e) };
  }
}
