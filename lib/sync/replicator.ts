/// <reference types="pouchdb-core" />
/// <reference types="pouchdb-replication" />
/**
 * Team sync over the CouchDB replication protocol (PouchDB here; the shop's CouchDB, or the demo's
 * express-pouchdb, there). One sync run: check the credentials, pull, resolve conflicts and write what
 * came into the ledger, write this browser's changes as documents, push. Every step resumes from a
 * checkpoint (the replication's own, and `appliedSeq` for the ledger), so a service worker stopped
 * mid-run loses nothing and applies nothing twice. No clock: `now` is passed in.
 */
import * as v from 'valibot';
import type { ShopPolicy } from '../engine/policy';
import { toChinaIso } from '../shared/china-time';
import type { CaseRecord, RadarDB } from '../storage/db';
import {
  applyShopDocs,
  applySnapshots,
  applyTeamCases,
  readLocalShop,
  SnapDocSchema,
  snapDocId,
} from './ledger-bridge';
import { snapDocOf, type SnapDoc } from './ledger-bridge';
import { shopChanges, shopDocId, ShopDocSchema, type ShopDoc } from './shop-docs';
import { emptyTeamCase, later, mergeTeamCase, patchTeamCase, teamCaseId, TeamCaseSchema } from './team-case';
import type { StaffPatch, TeamCase } from './team-case';
import { sameCase } from '../shared/case-fields';

type Doc = PouchDB.Core.ExistingDocument<object> & { _conflicts?: string[] };
export type TeamDoc = TeamCase | SnapDoc | ShopDoc;

/** What the options page and the sidebar show of team sync. */
export interface SyncStatus {
  state: 'off' | 'syncing' | 'synced' | 'pending' | 'offline' | 'rejected';
  /** Changes written here and not yet on the server. */
  pending: number;
  /** When the last run ended (China time). */
  at?: string;
  /** Why it is offline or rejected, in words staff can act on. */
  error?: string;
  /** Documents that came from colleagues in the last run. */
  received?: number;
}

const PROGRESS_ID = '_local/radar-progress';
interface Progress {
  /** The local change feed's position up to which the ledger has what came. */
  appliedSeq: number | string;
  /** Position after the last push: what is written after it is pending. */
  pushedSeq: number | string;
  /** The first pull was applied: only then may this browser's own data be written (else it would overwrite the team's). */
  joined: boolean;
  /** Every case of the ledger was shared once since "also share cases" was turned on. */
  casesShared?: boolean;
}

export interface TeamOptions {
  db: RadarDB;
  local: PouchDB.Database;
  /** The staff member's name as colleagues see it (小王). */
  name: string;
  /** Also share the case snapshots ("a case read in one browser appears in everyone's"). */
  snapshots: boolean;
  policy: () => Promise<ShopPolicy>;
}

function parseDoc(doc: object): TeamDoc | undefined {
  const type = (doc as { type?: unknown }).type;
  const schema = type === 'case' ? TeamCaseSchema : type === 'snap' ? SnapDocSchema : ShopDocSchema;
  const r = v.safeParse(schema, doc);
  return r.success ? r.output : undefined;
}

/** Merge a document's revisions: the team-case merge, or the later stamp for the others. */
function resolve(revs: TeamDoc[]): TeamDoc {
  if (revs.every((r) => r.type === 'case')) return mergeTeamCase(revs);
  let out: (TeamDoc & { at: string; by?: string }) | undefined;
  for (const r of revs) if (r.type !== 'case') out = later(r, out);
  return out ?? revs[0]!;
}

export class TeamSync {
  constructor(private readonly o: TeamOptions) {}

  private async progress(): Promise<Progress & { _rev?: string }> {
    const doc = await this.o.local.get<Progress>(PROGRESS_ID).catch(() => undefined);
    return doc ?? { appliedSeq: 0, pushedSeq: 0, joined: false };
  }

  private async saveProgress(patch: Partial<Progress>): Promise<void> {
    const p = await this.progress();
    await this.o.local.put({ ...p, ...patch, _id: PROGRESS_ID });
  }

  /** One run against the server; the answer is the status to show. */
  async run(remote: PouchDB.Database, now: number): Promise<SyncStatus> {
    await remote.info();
    await this.o.local.replicate.from(remote, { batch_size: 1000, batches_limit: 2 });
    const received = await this.applyIncoming();
    const p = await this.progress();
    if (!p.joined) {
      await this.shareExisting(now);
      await this.saveProgress({ joined: true });
    }
    // The cases this browser holds, once, when it starts sharing cases (at joining, or switched on later).
    if (this.o.snapshots !== !!p.casesShared) {
      if (this.o.snapshots) await this.shareCases(await this.o.db.cases.toCollection().primaryKeys());
      await this.saveProgress({ casesShared: this.o.snapshots });
    }
    await this.shareShop(now);
    const pushed = await this.o.local.replicate.to(remote, { batch_size: 1000, batches_limit: 2 });
    await this.saveProgress({ pushedSeq: pushed.last_seq });
    return { state: 'synced', pending: await this.pending(), at: toChinaIso(now), received };
  }

  /** Changes written here since the last push. */
  async pending(): Promise<number> {
    const { pushedSeq } = await this.progress();
    const changes = await this.o.local.changes({ since: pushedSeq, limit: 10_000 });
    return changes.results.filter((c) => !c.id.startsWith('_local/')).length;
  }

  /** Resolve the conflicts of the documents that came, and write them into the ledger, batch by batch. */
  private async applyIncoming(): Promise<number> {
    let received = 0;
    for (;;) {
      const { appliedSeq } = await this.progress();
      const batch = await this.o.local.changes({ since: appliedSeq, limit: 500, include_docs: true, conflicts: true });
      if (!batch.results.length) return received;
      const docs: TeamDoc[] = [];
      for (const change of batch.results) {
        if (change.deleted || !change.doc) continue;
        const doc = await this.resolveConflicts(change.doc);
        if (doc) docs.push(doc);
      }
      await this.apply(docs);
      received += docs.length;
      await this.saveProgress({ appliedSeq: batch.last_seq });
    }
  }

  private async resolveConflicts(doc: Doc): Promise<TeamDoc | undefined> {
    const winner = parseDoc(doc);
    if (!doc._conflicts?.length) return winner;
    const losers = await Promise.all(
      doc._conflicts.map((rev) => this.o.local.get(doc._id, { rev }).catch(() => undefined)),
    );
    const revs = [winner, ...losers.map((l) => (l ? parseDoc(l) : undefined))].filter((d) => d !== undefined);
    const merged = revs.length ? resolve(revs) : undefined;
    await this.o.local.bulkDocs([
      ...(merged ? [{ ...merged, _id: doc._id, _rev: doc._rev }] : []),
      ...doc._conflicts.map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true })),
    ]);
    return merged;
  }

  private async apply(docs: TeamDoc[]): Promise<void> {
    const cases = docs.filter((d): d is TeamCase => d.type === 'case');
    const snaps = docs.filter((d): d is SnapDoc => d.type === 'snap');
    const shop = docs.filter((d): d is ShopDoc => d.type !== 'case' && d.type !== 'snap');
    if (this.o.snapshots && snaps.length) await applySnapshots(this.o.db, snaps, await this.o.policy());
    await applyTeamCases(this.o.db, cases);
    await applyShopDocs(this.o.db, shop);
  }

  /** On joining: this browser's staff data that the team does not have yet. */
  private async shareExisting(now: number): Promise<void> {
    const at = toChinaIso(now);
    const withStaff = await this.o.db.cases.filter((c) => !!c.staff).toArray();
    const existing = await this.docs(withStaff.map((c) => teamCaseId(c.key)));
    const fresh = withStaff.filter((c) => !existing.has(teamCaseId(c.key)));
    await this.write(fresh.map((c) => ({ _id: teamCaseId(c.key), ...staffDoc(c, this.o.name, at) })));
  }

  /** Share these cases' snapshots when they say something the team's copy does not. */
  async shareCases(keys: string[]): Promise<void> {
    if (!this.o.snapshots || !keys.length) return;
    for (let i = 0; i < keys.length; i += 1000) {
      const part = keys.slice(i, i + 1000);
      const recs = (await this.o.db.cases.bulkGet(part)).filter((r): r is CaseRecord => !!r);
      const docs = await this.docs(part.map(snapDocId));
      const changed = recs
        .map((r) => snapDocOf(r, this.o.name))
        .filter((d) => {
          const had = docs.get(snapDocId(d.key)) as SnapDoc | undefined;
          return !had || !sameCase(had.snapshot, d.snapshot);
        });
      await this.write(
        changed.map((d) => ({ ...d, _id: snapDocId(d.key) })),
        docs,
      );
    }
  }

  /** Write what staff changed in the shop's settings since the team's copy. */
  async shareShop(now: number): Promise<number> {
    const { joined } = await this.progress();
    if (!joined) return 0;
    // The shop's documents only (their ids' prefixes), not the cases'.
    const rows = (
      await Promise.all(
        ['commitment:', 'reply:', 'shop:', 'taught:'].map((prefix) =>
          this.o.local.allDocs({ include_docs: true, startkey: prefix, endkey: `${prefix}\uffff` }),
        ),
      )
    ).flatMap((r) => r.rows);
    const docs = new Map<string, ShopDoc>();
    for (const row of rows) {
      const d = row.doc ? parseDoc(row.doc) : undefined;
      if (d && d.type !== 'case' && d.type !== 'snap') docs.set(row.id, d);
    }
    const changes = shopChanges(await readLocalShop(this.o.db), docs, this.o.name, toChinaIso(now));
    const revs = new Map(rows.map((r) => [r.id, r.value.rev]));
    await this.o.local.bulkDocs(changes.map((d) => ({ ...d, _id: shopDocId(d), _rev: revs.get(shopDocId(d)) })));
    return changes.length;
  }

  /** A staff member's change to a case: into the team document, then the ledger. */
  async staff(key: string, patch: StaffPatch, now: number): Promise<CaseRecord | undefined> {
    const id = teamCaseId(key);
    const had = await this.o.local.get<TeamCase>(id).catch(() => undefined);
    const base = had ? (parseDoc(had) as TeamCase | undefined) : undefined;
    const doc = patchTeamCase(base ?? emptyTeamCase(key), patch, this.o.name, toChinaIso(now));
    await this.o.local.put({ ...doc, _id: id, ...(had ? { _rev: had._rev } : {}) });
    return (await applyTeamCases(this.o.db, [doc]))[0];
  }

  /** Cases read here for the first time: what colleagues already did with them. */
  async fillNew(keys: string[]): Promise<void> {
    const docs = await this.docs(keys.map(teamCaseId));
    await applyTeamCases(
      this.o.db,
      [...docs.values()].filter((d): d is TeamCase => d.type === 'case'),
    );
  }

  private async docs(ids: string[]): Promise<Map<string, TeamDoc & { _rev?: string }>> {
    const out = new Map<string, TeamDoc & { _rev?: string }>();
    if (!ids.length) return out;
    const res = await this.o.local.allDocs({ keys: ids, include_docs: true });
    for (const row of res.rows) {
      const doc = 'doc' in row && row.doc ? row.doc : undefined;
      const parsed = doc ? parseDoc(doc) : undefined;
      if (doc && parsed) out.set(row.key, { ...parsed, _rev: doc._rev });
    }
    return out;
  }

  private async write(docs: (object & { _id: string })[], had?: Map<string, { _rev?: string }>): Promise<void> {
    for (let i = 0; i < docs.length; i += 500)
      await this.o.local.bulkDocs(
        docs.slice(i, i + 500).map((d) => ({ ...d, ...(had?.get(d._id)?._rev ? { _rev: had.get(d._id)!._rev } : {}) })),
      );
  }
}

/**
 * A case's team document from the staff data this browser had before joining: the values, without
 * log entries (this browser's timeline has those events already, at their own times).
 */
function staffDoc(c: CaseRecord, by: string, at: string): TeamCase {
  let doc = emptyTeamCase(c.key);
  doc = patchTeamCase(doc, { note: c.staff?.note, handled: c.staff?.handled }, by, at);
  for (const text of c.staff?.stepsDone ?? []) doc = patchTeamCase(doc, { step: { text, done: true } }, by, at);
  return { ...doc, log: [] };
}
