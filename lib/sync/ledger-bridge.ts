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
import { loadTaught, TAUGHT_SETTING } from '../storage/taught';
import { commitmentId, taughtWith, type LocalShop, type ShopDoc } from './shop-docs';
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

/** Colleagues' readings into the ledger, field by field (a newer observation wins), with who read them. */
export async function applySnapshots(db: RadarDB, all: SnapDoc[], policy: ShopPolicy): Promise<void> {
  // What the ledger holds already (this browser's own readings coming back, a batch applied again) is skipped.
  const have = await db.cases.bulkGet(all.map((s) => s.key));
  const snaps = all.filter((s, i) => {
    const rec = have[i];
    return !rec || Date.parse(rec.lastSeenAt) < Date.parse(s.at) || !sameCase(snapshotOf(rec), s.snapshot);
  });
  if (!snaps.length) return;
  await upsertObservations(
    db,
    snaps.map((s) => ({ snap: s.snapshot, source: s.source })),
    policy,
    (rec, i) => {
      const s = snaps[i]!;
      const seen = rec.team?.seenBy;
      if (!seen || Date.parse(seen.at) < Date.parse(s.at))
        rec.team = { ...(rec.team ?? { claims: [], otherNotes: [] }), seenBy: { by: s.by, at: s.at } };
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

/** What this browser has of the shop's shared settings. */
export async function readLocalShop(db: RadarDB): Promise<LocalShop> {
  const [rules, taught, replies, policies, freight] = await Promise.all([
    db.settings.get(RULES_KEY),
    loadTaught(db),
    db.replies.toArray(),
    db.policies.toArray(),
    db.settings.get(FREIGHT_KEY),
  ]);
  return {
    rules: rules?.value as LocalShop['rules'],
    freight: freight?.value as LocalShop['freight'],
    taught,
    replies,
    commitments: policies.map(({ id: _id, ...c }) => c),
  };
}

/** The team's shop settings into the ledger, in one transaction. */
export async function applyShopDocs(db: RadarDB, docs: ShopDoc[]): Promise<void> {
  if (!docs.length) return;
  await db.transaction('rw', db.settings, db.replies, db.policies, async () => {
    let taught = await loadTaught(db);
    const taughtBefore = JSON.stringify(taught);
    const have = new Set((await db.policies.toArray()).map(({ id: _id, ...c }) => commitmentId(c)));
    for (const d of docs) {
      if (d.type === 'rules') {
        if (d.value) await db.settings.put({ key: RULES_KEY, value: d.value });
        else await db.settings.delete(RULES_KEY);
      } else if (d.type === 'freight') {
        if (d.value) await db.settings.put({ key: FREIGHT_KEY, value: d.value });
        else await db.settings.delete(FREIGHT_KEY);
      } else if (d.type === 'taught') taught = taughtWith(taught, d);
      else if (d.type === 'reply') {
        if (d.reply) await db.replies.put(d.reply);
        else await db.replies.delete(d.id);
      } else if (!have.has(commitmentId(d.entry))) {
        await db.policies.add(d.entry);
        have.add(commitmentId(d.entry));
      }
    }
    if (JSON.stringify(taught) !== taughtBefore) await db.settings.put({ key: TAUGHT_SETTING, value: taught });
  });
}
