/**
 * Export everything to a versioned JSON file and import it back: validated, merging (never wiping),
 * and reporting what it did. Also retention and "clear all".
 */
import * as v from 'valibot';
import { loadTaught, mergeTaught, TAUGHT_SETTING } from './taught';
import { loadTaughtStatuses, mergeTaughtStatuses, TAUGHT_STATUS_SETTING } from './taught-status';
import { CaseSnapshotSchema, IsoTime as Iso, PageKindSchema as PageKind } from '../shared/snapshot-schema';
import { CommitmentSchema } from './policy-schema';
import { mergeCase } from './cases';
import { DAY_MS } from '../shared/china-time';
import { NO_DEADLINE, type CaseEvent, type CaseRecord, type PolicyRecord, type RadarDB, type ReplyRecord } from './db';
import { loadPolicy } from './policy-store';

export const BACKUP_FORMAT = 'aftersales-radar/backup';
export const BACKUP_VERSION = 1;

const Text = (n: number) => v.pipe(v.string(), v.maxLength(n));
const Source = v.object({ page: PageKind, url: v.pipe(Text(2000), v.url()), readAt: Iso });

const CaseRecordSchema = v.object({
  ...CaseSnapshotSchema.entries,
  key: Text(60),
  firstSeenAt: Iso,
  lastSeenAt: Iso,
  lastSource: Source,
  fieldSeenAt: v.optional(v.record(Text(40), Iso)),
  staff: v.optional(
    v.object({
      note: v.optional(Text(5000)),
      handled: v.optional(v.boolean()),
      assignee: v.optional(Text(40)),
      stepsDone: v.optional(v.pipe(v.array(Text(300)), v.maxLength(100))),
    }),
  ),
});

const EventSchema = v.object({
  caseKey: Text(60),
  type: v.picklist(['first-seen', 'status-change', 'deadline-change', 'note', 'handled', 'step', 'claim', 'imported']),
  at: Iso,
  page: v.optional(PageKind),
  url: v.optional(Text(2000)),
  from: v.optional(Text(5000)),
  to: v.optional(Text(5000)),
  auto: v.optional(v.boolean()),
  closed: v.optional(v.boolean()),
  by: v.optional(Text(40)),
});

/** A reply template as stored (also what team sync carries). */
export const ReplySchema = v.object({
  id: Text(80),
  title: Text(80),
  category: Text(40),
  body: Text(2000),
  order: v.number(),
  shippedId: v.optional(Text(80)),
  deleted: v.optional(v.boolean()),
  updatedAt: Iso,
});

export const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: Iso,
  cases: v.pipe(v.array(CaseRecordSchema), v.maxLength(500_000)),
  events: v.pipe(v.array(EventSchema), v.maxLength(5_000_000)),
  policies: v.pipe(v.array(CommitmentSchema), v.maxLength(500)),
  replies: v.pipe(v.array(ReplySchema), v.maxLength(2000)),
  settings: v.pipe(v.array(v.object({ key: Text(60), value: v.unknown() })), v.maxLength(100)),
});

export type Backup = v.InferOutput<typeof BackupSchema>;

export interface ExportOptions {
  /** Leave buyer nicks out (they are masked already). */
  includeBuyer?: boolean;
}

export async function exportAll(db: RadarDB, exportedAt: string, opts: ExportOptions = {}): Promise<Backup> {
  const [cases, events, policies, replies, settings] = await Promise.all([
    db.cases.toArray(),
    db.events.toArray(),
    db.policies.toArray(),
    db.replies.toArray(),
    db.settings.toArray(),
  ]);
  const strip = <T extends object>(o: T, keys: string[]) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k))) as T;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    // Derived fields (open, due, deadlineAt, amountFen, alertsSent) are recomputed on import.
    cases: cases.map((c) =>
      strip(c, [
        'open',
        'due',
        'deadlineAt',
        'amountFen',
        'alertsSent',
        ...(opts.includeBuyer === false ? ['buyer'] : []),
      ]),
    ),
    events: events.map((e) => strip(e, ['id'])),
    policies: policies.map((p) => strip(p, ['id'])),
    replies: replies,
    settings,
  };
}

export interface ImportReport {
  cases: { added: number; updated: number };
  events: number;
  policies: number;
  replies: number;
  settings: number;
}

/** Read a backup file's text; the reason says what is wrong with it. */
export function parseBackup(text: string): { ok: true; backup: Backup } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: '文件不是有效的 JSON（可能不完整） / not valid JSON (truncated?)' };
  }
  const format = (json as { format?: unknown } | null)?.format;
  const version = (json as { version?: unknown } | null)?.version;
  if (format !== BACKUP_FORMAT) return { ok: false, error: '不是售后雷达的导出文件 / not an AfterSales Radar export' };
  if (version !== BACKUP_VERSION)
    return { ok: false, error: `不支持的导出版本 ${String(version)} / unsupported export version` };
  const r = v.safeParse(BackupSchema, json);
  if (r.success) return { ok: true, backup: r.output };
  const issue = r.issues[0];
  return {
    ok: false,
    error: `导出文件内容有误 / invalid export${issue ? ` at ${v.getDotPath(issue) ?? '?'}: ${issue.message}` : ''}`,
  };
}

/** Merge a backup into the ledger in one transaction: all or nothing, nothing wiped. */
export async function importAll(db: RadarDB, backup: Backup): Promise<ImportReport> {
  const report: ImportReport = { cases: { added: 0, updated: 0 }, events: 0, policies: 0, replies: 0, settings: 0 };
  const policy = await loadPolicy(db);
  await db.transaction('rw', [db.cases, db.events, db.policies, db.replies, db.settings], async () => {
    const existing = await db.cases.bulkGet(backup.cases.map((c) => c.key));
    const records: CaseRecord[] = [];
    backup.cases.forEach((imported, i) => {
      const prev = existing[i];
      // Replay the imported record as an observation made when it was last seen, field by field.
      const base = prev ?? undefined;
      const { key: _k, firstSeenAt, lastSeenAt, lastSource, fieldSeenAt, staff, ...snapshot } = imported;
      let merged = mergeCase(base, snapshot, lastSource, policy);
      if (fieldSeenAt) merged = { ...merged, fieldSeenAt: { ...fieldSeenAt, ...(prev?.fieldSeenAt ?? {}) } };
      merged.firstSeenAt = prev && prev.firstSeenAt < firstSeenAt ? prev.firstSeenAt : firstSeenAt;
      if (!prev || prev.lastSeenAt < lastSeenAt) merged.lastSeenAt = lastSeenAt;
      // Staff data: what this browser has wins; the import fills what it lacks.
      if (staff || prev?.staff) merged.staff = { ...(staff ?? {}), ...(prev?.staff ?? {}) };
      if (prev) report.cases.updated++;
      else report.cases.added++;
      records.push(merged);
    });
    await db.cases.bulkPut(records);
    const have = new Set((await db.events.toArray()).map((e) => `${e.caseKey}|${e.type}|${e.at}|${e.to ?? ''}`));
    const newEvents = (backup.events as CaseEvent[]).filter(
      (e) => !have.has(`${e.caseKey}|${e.type}|${e.at}|${e.to ?? ''}`),
    );
    if (newEvents.length) await db.events.bulkAdd(newEvents);
    report.events = newEvents.length;
    const havePolicies = new Set((await db.policies.toArray()).map(({ id: _id, ...p }) => JSON.stringify(p)));
    const newPolicies = (backup.policies as PolicyRecord[]).filter((p) => !havePolicies.has(JSON.stringify(p)));
    if (newPolicies.length) await db.policies.bulkAdd(newPolicies);
    report.policies = newPolicies.length;
    const haveReplies = new Set<string>(await db.replies.toCollection().primaryKeys());
    const newReplies = (backup.replies as ReplyRecord[]).filter((r) => !haveReplies.has(r.id));
    if (newReplies.length) await db.replies.bulkAdd(newReplies);
    report.replies = newReplies.length;
    const haveSettings = new Set<string>(await db.settings.toCollection().primaryKeys());
    // Taught page labels merge label by label (one colleague can teach the whole team).
    const taught = backup.settings.find((s) => s.key === TAUGHT_SETTING);
    if (taught && haveSettings.has(TAUGHT_SETTING)) {
      await db.settings.put({ key: TAUGHT_SETTING, value: mergeTaught(await loadTaught(db), taught.value) });
      report.settings++;
    }
    // Taught status wordings likewise, wording by wording.
    const statuses = backup.settings.find((s) => s.key === TAUGHT_STATUS_SETTING);
    if (statuses && haveSettings.has(TAUGHT_STATUS_SETTING)) {
      const merged = mergeTaughtStatuses(await loadTaughtStatuses(db), statuses.value);
      await db.settings.put({ key: TAUGHT_STATUS_SETTING, value: merged });
    }
    const newSettings = backup.settings.filter((s) => !haveSettings.has(s.key));
    if (newSettings.length) await db.settings.bulkAdd(newSettings);
    report.settings = newSettings.length;
  });
  return report;
}

/** Delete closed cases last seen more than `days` ago, with their timelines. Returns how many. */
export async function pruneClosed(db: RadarDB, days: number, now: number): Promise<number> {
  const cutoff = now - days * DAY_MS;
  return db.transaction('rw', db.cases, db.events, async () => {
    const old = await db.cases
      .where('[open+deadlineAt]')
      .between([0, -Infinity], [0, NO_DEADLINE + 1])
      .filter((c) => Date.parse(c.lastSeenAt) < cutoff)
      .primaryKeys();
    if (!old.length) return 0;
    await db.cases.bulkDelete(old);
    // 'caseKey' is the first part of the [caseKey+at] index: Dexie queries it through that.
    await db.events.where('caseKey').anyOf(old).delete();
    return old.length;
  });
}

/** Remove every case, event, commitment, reply, setting and shop seen. */
export async function clearAll(db: RadarDB): Promise<void> {
  await db.transaction('rw', [db.cases, db.events, db.policies, db.replies, db.settings, db.shops], async () => {
    await Promise.all([
      db.shops.clear(),
      db.cases.clear(),
      db.events.clear(),
      db.policies.clear(),
      db.replies.clear(),
      db.settings.clear(),
    ]);
  });
}
