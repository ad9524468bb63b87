/**
 * Between the ledger (Dexie, what every view reads) and the team's documents (lib/sync/replicator.ts):
 * what a team document changes in the ledger, and the documents this browser's ledger makes. The
 * ledger stays the one thing the sidebar, popup and options read; team sync only writes into it.
 */
import * as v from 'valibot';
import type { ShopPolicy } from '../engine/policy';
import { CaseSnapshotSchema, IsoTime, PageKindSchema } from '../shared/snapshot-schema';
import { CASE_KEY } from '../shared/case-key';
import { sameCase, STORED_FIELDS } from '../shared/case-fields';
import type { CaseSnapshot } from '../shared/types';
import { upsertObservations } from '../storage/cases';
import type { CaseEvent, CaseRecord, RadarDB, TeamView } from '../storage/db';
import { FREIGHT_KEY, RULES_KEY } from '../storage/policy-store';
import { loadTaught, MAX_TAUGHT_PER_HOST, TAUGHT_SETTING, TaughtSchema, type Taught } from '../storage/taught';
import { CommitmentSchema, PolicySchema } from '../storage/policy-schema';
import { ReplySchema } from '../storage/backup';
import { ruleOverridesProblem } from './rule-ranges';
import { noteTeamChanges, ruleChanges, type TeamChange } from './team-changes';
import type { RuleOverrides } from '../engine/rules';
import { loadTaughtStatuses, TAUGHT_STATUS_SETTING, TaughtStatusesSchema } from '../storage/taught-status';
import { commitmentId, statusesWith, taughtWith, type LocalShop, type ShopDoc, type ShopPart } from './shop-docs';

const RuleOverridesSchema = v.unwrap(PolicySchema.entries.ruleOverrides);
import { claimsOf, type TeamCase } from './team-case';

const Who = v.pipe(v.string(), v.minLength(1), v.maxLength(40));

/** A case as a colleague's browser read it (the optional "cases too" switch): never the page's raw data. */
export const SnapDocSchema = v.object({
  type: v.literal('snap'),
  key: v.pipe(v.string(), v.regex(CASE_KEY)),
  snapshot: CaseSnapshotSchema,
  source: v.object({ page: PageKindSchema, url: v.pipe(v.string(), v.url(), v.maxLength(2000)), readAt: IsoTime }),
  by: Who,
  at: IsoTime,
});
export type SnapDoc = v.InferOutput<typeof SnapDocSchema>;

export const snapDocId = (key: string) => `snap:${key}`;

/** The snapshot part of a ledger record: the fields a reading stores. */
export function snapshotOf(rec: CaseRecord): CaseSnapshot {
  const snap: Record<string, unknown> = { platform: rec.platform, disputeId: rec.disputeId, flags: rec.flags };
  for (const f of STORED_FIELDS) if (rec[f] !== undefined) snap[f] = rec[f];
  return snap as unknown as CaseSnapshot;
}

export function snapDocOf(rec: CaseRecord, by: string): SnapDoc {
  return { type: 'snap', key: rec.key, snapshot: snapshotOf(rec), source: rec.lastSource, by, at: rec.lastSeenAt };
}

/**
 * What a shared reading's fields are stamped with in `fieldSeenAt`: earlier than any reading of the
 * page, so a reading of the page in this browser always supersedes it, whatever the colleague's stamp.
 */
export const SHARED_SEEN = '2003-01-01T00:00:00.000+08:00';

type Seen = Record<string, string>;
/** Whether the record's field (or `flags.x`) holds what this browser read on the page. */
const readHere = (rec: CaseRecord, field: string, value: unknown) =>
  value !== undefined && rec.fieldSeenAt?.[field] !== SHARED_SEEN;

/**
 * A colleague's reading less what it may not say here: the fields this browser read on the page
 * (the page in front of the staff beats a colleague's reading), and, of the fields an earlier shared
 * reading filled, those this reading is older than.
 */
function sharedPart(s: SnapDoc, rec: CaseRecord | undefined): CaseSnapshot {
  if (!rec) return s.snapshot;
  const older = rec.team?.seenBy ? Date.parse(s.source.readAt) < Date.parse(rec.team.seenBy.at) : false;
  const snap: Record<string, unknown> = { ...s.snapshot, flags: { ...s.snapshot.flags } };
  const flags = snap.flags as Record<string, unknown>;
  for (const f of STORED_FIELDS)
    if (snap[f] !== undefined && (readHere(rec, f, rec[f]) || (older && rec[f] !== undefined))) delete snap[f];
  for (const f of Object.keys(flags)) {
    const mine = rec.flags[f as keyof CaseRecord['flags']];
    if (readHere(rec, `flags.${f}`, mine) || (older && mine !== undefined)) delete flags[f];
  }
  // The page's drift notes stand until the page is read again.
  if (rec.drift !== undefined && readHere(rec, 'drift', rec.drift)) snap.drift = rec.drift;
  return snap as unknown as CaseSnapshot;
}

/**
 * Colleagues' readings into the ledger, field by field, with who read them. A shared reading may add
 * a case, or fill what this browser has not read on the page; it never overrules what this browser
 * read, and what it fills gives way to the next reading here (its fields are stamped `SHARED_SEEN`).
 */
export async function applySnapshots(db: RadarDB, all: SnapDoc[], policy: ShopPolicy): Promise<void> {
  // What the ledger holds already (this browser's own readings coming back, a batch applied again) is skipped.
  const have = await db.cases.bulkGet(all.map((s) => s.key));
  const picked = all
    .map((s, i) => ({ s, rec: have[i] }))
    .filter(
      ({ s, rec }) => !rec || Date.parse(rec.lastSeenAt) < Date.parse(s.at) || !sameCase(snapshotOf(rec), s.snapshot),
    );
  if (!picked.length) return;
  const parts = picked.map(({ s, rec }) => sharedPart(s, rec));
  await upsertObservations(
    db,
    picked.map(({ s }, i) => ({ snap: parts[i]!, source: s.source })),
    policy,
    (rec, i) => {
      const { s, rec: prev } = picked[i]!;
      const part = parts[i]!;
      const seen: Seen = { ...(rec.fieldSeenAt ?? {}) };
      // This browser's drift notes were carried along unchanged: they keep their own stamp.
      const localDrift = !!prev && readHere(prev, 'drift', prev.drift);
      for (const f of STORED_FIELDS) if (part[f] !== undefined && !(f === 'drift' && localDrift)) seen[f] = SHARED_SEEN;
      for (const f of Object.keys(part.flags)) seen[`flags.${f}`] = SHARED_SEEN;
      if (localDrift && prev?.fieldSeenAt?.drift) seen.drift = prev.fieldSeenAt.drift;
      rec.fieldSeenAt = seen;
      const last = rec.team?.seenBy;
      if (!last || Date.parse(last.at) < Date.parse(s.source.readAt))
        rec.team = { ...(rec.team ?? { claims: [], otherNotes: [] }), seenBy: { by: s.by, at: s.source.readAt } };
    },
  );
}

const eventKey = (e: Pick<CaseEvent, 'type' | 'at' | 'to'>) => `${e.type}|${e.at}|${e.to ?? ''}`;

function teamView(doc: TeamCase, prev: TeamView | undefined): TeamView {
  return {
    claims: claimsOf(doc),
    otherNotes: doc.otherNotes,
    ...(doc.note ? { note: { by: doc.note.by, at: doc.note.at } } : {}),
    ...(doc.handled ? { handled: { by: doc.handled.by, at: doc.handled.at } } : {}),
    ...(prev?.seenBy ? { seenBy: prev.seenBy } : {}),
  };
}

/**
 * The team's word on cases into the ledger: the note, handled mark and ticks become the case's staff
 * data, the claims and other notes its team view, the staff log its timeline (each entry once).
 * Cases this browser has not read yet are skipped: `TeamSync.fillNew` fills them when they are first read.
 */
export async function applyTeamCases(db: RadarDB, docs: TeamCase[]): Promise<CaseRecord[]> {
  if (!docs.length) return [];
  return db.transaction('rw', db.cases, db.events, async () => {
    const recs = await db.cases.bulkGet(docs.map((d) => d.key));
    const out: CaseRecord[] = [];
    const events: CaseEvent[] = [];
    for (const [i, doc] of docs.entries()) {
      const rec = recs[i];
      if (!rec) continue;
      const stepsDone = Object.entries(doc.steps)
        .filter(([, s]) => s.value)
        .map(([text]) => text);
      const staff = { ...(rec.staff ?? {}), stepsDone };
      if (doc.note) staff.note = doc.note.value;
      if (doc.handled) staff.handled = doc.handled.value;
      const next: CaseRecord = { ...rec, staff, team: teamView(doc, rec.team) };
      out.push(next);
      const have = await db.events.where('[caseKey+at]').between([rec.key, ''], [rec.key, '\uffff']).toArray();
      const seen = new Set(have.map(eventKey));
      for (const e of doc.log) {
        const event: CaseEvent = { caseKey: rec.key, type: e.type, at: e.at, to: e.to, by: e.by };
        if (!seen.has(eventKey(event))) events.push(event);
      }
    }
    await db.cases.bulkPut(out);
    if (events.length) await db.events.bulkAdd(events);
    return out;
  });
}

/** What this browser has of the shop's shared settings, and which parts of it failed validation here. */
export async function readLocalShop(db: RadarDB): Promise<LocalShop> {
  const [rules, taughtRow, taught, replies, policies, freight, statusRow, statuses] = await Promise.all([
    db.settings.get(RULES_KEY),
    db.settings.get(TAUGHT_SETTING),
    loadTaught(db),
    db.replies.toArray(),
    db.policies.toArray(),
    db.settings.get(FREIGHT_KEY),
    db.settings.get(TAUGHT_STATUS_SETTING),
    loadTaughtStatuses(db),
  ]);
  const unreadable = new Set<ShopPart>();
  const ruleValue = rules?.value ?? {};
  if (!v.is(RuleOverridesSchema, ruleValue) || ruleOverridesProblem(ruleValue)) unreadable.add('rules');
  if (taughtRow && !v.is(TaughtSchema, taughtRow.value)) unreadable.add('taught');
  if (statusRow && !v.is(TaughtStatusesSchema, statusRow.value)) unreadable.add('statuses');
  const goodReplies = replies.filter((r) => v.is(ReplySchema, r));
  if (goodReplies.length !== replies.length) unreadable.add('replies');
  return {
    rules: rules?.value as LocalShop['rules'],
    freight: freight?.value as LocalShop['freight'],
    taught,
    statuses,
    replies: goodReplies,
    // A commitment that fails validation is not shared; the others are (commitments are never removed).
    commitments: policies.map(({ id: _id, ...c }) => c).filter((c) => v.is(CommitmentSchema, c)),
    ...(unreadable.size ? { unreadable } : {}),
  };
}

/** Taught labels within the per-host limit: the labels added last are kept. */
function clipTaught(taught: Taught): Taught {
  const out: Taught = {};
  for (const [host, labels] of Object.entries(taught)) {
    const entries = Object.entries(labels);
    out[host] = entries.length > MAX_TAUGHT_PER_HOST ? Object.fromEntries(entries.slice(-MAX_TAUGHT_PER_HOST)) : labels;
  }
  return out;
}

/** The team's shop settings into the ledger, in one transaction. */
export async function applyShopDocs(db: RadarDB, docs: ShopDoc[]): Promise<void> {
  if (!docs.length) return;
  await db.transaction('rw', db.settings, db.replies, db.policies, async () => {
    let taught = await loadTaught(db);
    const taughtBefore = JSON.stringify(taught);
    let statuses = await loadTaughtStatuses(db);
    const statusesBefore = JSON.stringify(statuses);
    const policies = (await db.policies.toArray()).map(({ id: _id, ...c }) => c);
    const have = new Set(policies.map(commitmentId));
    const changes: TeamChange[] = [];
    for (const d of docs) {
      if (d.type === 'rules') {
        const before = (await db.settings.get(RULES_KEY))?.value as RuleOverrides | undefined;
        const diff = ruleChanges(before, d.value);
        if (diff.length) changes.push({ kind: 'rules', by: d.by, at: d.at, changes: diff, before: before ?? null });
        if (d.value) await db.settings.put({ key: RULES_KEY, value: d.value });
        else await db.settings.delete(RULES_KEY);
      } else if (d.type === 'freight') {
        if (d.value) await db.settings.put({ key: FREIGHT_KEY, value: d.value });
        else await db.settings.delete(FREIGHT_KEY);
      } else if (d.type === 'taught') taught = taughtWith(taught, d);
      else if (d.type === 'status') statuses = statusesWith(statuses, d);
      else if (d.type === 'reply') {
        if (d.reply) await db.replies.put(d.reply);
        else await db.replies.delete(d.id);
      } else if (!have.has(commitmentId(d.entry))) {
        // What was in force for that type when the new entry starts: the "before" staff see.
        const before = policies
          .filter((c) => c.type === d.entry.type && Date.parse(c.effectiveFrom) <= Date.parse(d.entry.effectiveFrom))
          .sort((a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom))
          .at(-1);
        changes.push({ kind: 'commitment', by: d.by, at: d.at, entry: d.entry, before: before ?? null });
        await db.policies.add({ ...d.entry });
        policies.push(d.entry);
        have.add(commitmentId(d.entry));
      }
    }
    await noteTeamChanges(db, changes);
    taught = clipTaught(taught);
    if (JSON.stringify(taught) !== taughtBefore) await db.settings.put({ key: TAUGHT_SETTING, value: taught });
    if (JSON.stringify(statuses) !== statusesBefore && v.is(TaughtStatusesSchema, statuses))
      await db.settings.put({ key: TAUGHT_STATUS_SETTING, value: statuses });
  });
}
