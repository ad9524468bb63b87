/// <reference types="pouchdb-core" />
/// <reference types="pouchdb-replication" />
/**
 * Team sync over the CouchDB replication protocol (PouchDB here; the shop's CouchDB, or the demo's
 * express-pouchdb, there). One sync run: check the credentials, pull, resolve conflicts and write what
 * came into the ledger, write this browser's changes as documents, push. Every step resumes from a
 * checkpoint (the replication's own, and `appliedSeq` for the ledger), so a service worker stopped
 * mid-run loses nothing and applies nothing twice. No clock: `now` is passed in.
 */
import type { ShopPolicy } from '../engine/policy';
import { toChinaIso } from '../shared/china-time';
import type { CaseRecord, RadarDB } from '../storage/db';
import { applyShopDocs, applySnapshots, applyTeamCases, readLocalShop, snapDocId } from './ledger-bridge';
import { snapDocOf, type SnapDoc } from './ledger-bridge';
import { shopChanges, shopDocId, type ShopDoc } from './shop-docs';
import { emptyTeamCase, later, mergeTeamCase, patchTeamCase, teamCaseId } from './team-case';
import type { StaffPatch, TeamCase } from './team-case';
import { sameCase } from '../shared/case-fields';
import type { Platform } from '../shared/types';
import { checkTeamDoc, MAX_COMMITMENTS, MAX_TEAM_REPLIES, type CheckContext, type TeamDoc } from './validate';
import { MAX_TAUGHT_PER_HOST } from '../storage/taught';
import { MAX_TAUGHT_STATUSES } from '../storage/taught-status';
import { changeText, loadTeamChanges } from './team-changes';

export type { TeamDoc } from './validate';
type Doc = PouchDB.Core.ExistingDocument<object> & { _conflicts?: string[] };

/** A colleague's document this browser did not take, and why (the options page lists them). */
export interface Refusal {
  id: string;
  /** Who wrote it, when the document says. */
  by?: string;
  reason: string;
  /** When this browser refused it (China time). */
  at: string;
}

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
  /** A colleague's change to the rules or commitments in the last day, in words (undone in the options). */
  lastChange?: string;
  /** Colleagues' documents not taken (同事数据未采用), and the latest of them with their reasons. */
  refused?: number;
  refusals?: Refusal[];
}

const REFUSED_ID = '_local/radar-refused';
const DAY_MS = 24 * 3600_000;
/** The refusals remembered (the newest), and listed in the status. */
const MAX_REFUSALS = 200;
const LISTED_REFUSALS = 50;
/** The conflicting revisions of one document merged at most (a team writes a handful apart, not thousands). */
const MAX_MERGED_REVS = 50;

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
  /**
   * Between two chunks of incoming documents: give the worker back (a task boundary), so a sidebar's or
   * popup's request waits for one chunk at most, never for the whole run. By default a macrotask.
   */
  pause?: () => Promise<void>;
}

/** Incoming documents checked, merged and written into the ledger at most this many at a time. */
export const INCOMING_CHUNK = 100;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The shop's collections kept within their limits: a document past its collection's limit is not taken. */
const COLLECTIONS: { prefix: string; limit: number; group: (d: TeamDoc) => string | undefined }[] = [
  {
    prefix: 'taught:',
    limit: MAX_TAUGHT_PER_HOST,
    group: (d) => (d.type === 'taught' && d.meaning !== null ? d.host : undefined),
  },
  {
    prefix: 'reply:',
    limit: MAX_TEAM_REPLIES,
    group: (d) => (d.type === 'reply' && d.reply !== null ? '' : undefined),
  },
  {
    prefix: 'status:',
    limit: MAX_TAUGHT_STATUSES,
    group: (d) => (d.type === 'status' && d.status !== null ? `${d.host}|${d.kind}` : undefined),
  },
  { prefix: 'commitment:', limit: MAX_COMMITMENTS, group: (d) => (d.type === 'commitment' ? '' : undefined) },
];

/**
 * The ids past their collection's limit: per collection (and per host for taught labels) what this
 * browser holds already (`held`) and then the newest documents are kept within the limit, the rest
 * left out; never the whole collection, and never this browser's own items for a flood of new ones.
 */
export function overLimit(docs: ReadonlyMap<string, TeamDoc>, held: ReadonlySet<string> = new Set()): Set<string> {
  const out = new Set<string>();
  for (const c of COLLECTIONS) {
    const groups = new Map<string, { id: string; at: number }[]>();
    for (const [id, d] of docs) {
      const g = id.startsWith(c.prefix) ? c.group(d) : undefined;
      if (g === undefined) continue;
      const list = groups.get(g) ?? [];
      list.push({ id, at: held.has(id) ? Infinity : Date.parse((d as { at: string }).at) });
      groups.set(g, list);
    }
    for (const list of groups.values()) {
      if (list.length <= c.limit) continue;
      list.sort((a, b) => (b.at === a.at ? (a.id < b.id ? -1 : 1) : b.at - a.at));
      for (const { id } of list.slice(c.limit)) out.add(id);
    }
  }
  return out;
}

/** Merge a document's revisions: the team-case merge, or the later stamp for the others. */
function resolve(revs: TeamDoc[]): TeamDoc {
  if (revs.every((r) => r.type === 'case')) return mergeTeamCase(revs);
  let out: (TeamDoc & { at: string; by?: string }) | undefined;
  for (const r of revs) if (r.type !== 'case') out = later(r, out);
  return out ?? revs[0]!;
}

/** A document's content, its keys in order, to tell whether a merge changed it. */
function canonical(x: unknown): string {
  return JSON.stringify(x, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  );
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
    // Only each document's winning revision comes: a colleague's conflicting revision is merged by the
    // browser that wrote it (which holds it), so a flood of conflicts on the server costs nobody else.
    const pull = { batch_size: 1000, batches_limit: 2, style: 'main_only' } as PouchDB.Replication.ReplicateOptions;
    await this.o.local.replicate.from(remote, pull);
    const received = await this.applyIncoming(now);
    const p = await this.progress();
    if (!p.joined) {
      await this.shareExisting(now);
      await this.saveProgress({ joined: true });
    }
    // The cases this browser holds, once, when it starts sharing cases (at joining, or switched on later).
    if (this.o.snapshots !== !!p.casesShared) {
      if (this.o.snapshots) await this.shareCases(await this.o.db.cases.toCollection().primaryKeys(), now);
      await this.saveProgress({ casesShared: this.o.snapshots });
    }
    await this.shareShop(now);
    const pushed = await this.o.local.replicate.to(remote, { batch_size: 1000, batches_limit: 2 });
    await this.saveProgress({ pushedSeq: pushed.last_seq });
    const refusals = await this.refusals();
    const [change] = await loadTeamChanges(this.o.db);
    const lastChange =
      change && !change.undone && now - Date.parse(change.at) < DAY_MS
        ? `${changeText(change)}（可在设置 → 团队同步中撤销）`
        : undefined;
    return {
      ...(lastChange ? { lastChange } : {}),
      state: 'synced',
      pending: await this.pending(),
      at: toChinaIso(now),
      received,
      ...(refusals.length ? { refused: refusals.length, refusals: refusals.slice(0, LISTED_REFUSALS) } : {}),
    };
  }

  /** Changes written here since the last push. */
  async pending(): Promise<number> {
    const { pushedSeq } = await this.progress();
    const changes = await this.o.local.changes({ since: pushedSeq, limit: 10_000 });
    return changes.results.filter((c) => !c.id.startsWith('_local/')).length;
  }

  /** The colleagues' documents not taken, newest first. */
  async refusals(): Promise<Refusal[]> {
    const doc = await this.o.local.get<{ items: Refusal[] }>(REFUSED_ID).catch(() => undefined);
    return doc?.items ?? [];
  }

  /** Remember what was refused in a batch, and forget a refusal its document's newer revision made good. */
  private async noteRefusals(refused: Refusal[], taken: Set<string>): Promise<void> {
    const doc = await this.o.local.get<{ items: Refusal[] }>(REFUSED_ID).catch(() => undefined);
    const had = doc?.items ?? [];
    const now = new Set(refused.map((r) => r.id));
    const items = [...refused, ...had.filter((r) => !now.has(r.id) && !taken.has(r.id))].slice(0, MAX_REFUSALS);
    if (!refused.length && items.length === had.length) return;
    await this.o.local.put({ _id: REFUSED_ID, ...(doc ? { _rev: doc._rev } : {}), items });
  }

  /** What an incoming document is checked against: this browser's clock and the shop's platform. */
  private context(now: number, platform: Platform | undefined): CheckContext {
    return { now, platform };
  }

  /** Resolve the conflicts of the documents that came, and write them into the ledger, a chunk at a time. */
  private async applyIncoming(now: number): Promise<number> {
    let received = 0;
    for (;;) {
      const { appliedSeq } = await this.progress();
      const batch = await this.o.local.changes({
        since: appliedSeq,
        limit: INCOMING_CHUNK,
        include_docs: true,
        conflicts: true,
      });
      if (!batch.results.length) return received;
      const policy = await this.o.policy();
      const ctx = this.context(now, policy.platform);
      const docs = new Map<string, TeamDoc>();
      const refused: Refusal[] = [];
      for (const change of batch.results) {
        if (change.deleted || !change.doc) continue;
        const r = await this.resolveConflicts(change.doc, ctx);
        if ('doc' in r) docs.set(change.id, r.doc);
        const reason = 'doc' in r ? r.note : r.reason;
        const by = 'by' in r ? r.by : undefined;
        if (reason) refused.push({ id: change.id, reason, at: toChinaIso(now), ...(by ? { by } : {}) });
      }
      // The shop's collections stay within their limits: the newest documents are kept, the rest refused.
      if ([...docs.keys()].some((id) => COLLECTIONS.some((c) => id.startsWith(c.prefix)))) {
        const shop = await this.shopDocs(ctx);
        const over = overLimit(shop, this.ownOf(shop, await this.heldShop()));
        for (const id of over)
          if (docs.delete(id))
            refused.push({ id, reason: '超出店铺设置的数量上限，只保留最新的', at: toChinaIso(now) });
      }
      await this.apply([...docs.values()], policy);
      // A refusal stands until a colleague's good revision replaces it (this browser's own repair, its
      // settings written back over a refused document, does not make the refusal unsaid).
      const taken = [...docs].filter(([, d]) => (d as { by?: string }).by !== this.o.name).map(([id]) => id);
      await this.noteRefusals(refused, new Set(taken));
      received += docs.size;
      await this.saveProgress({ appliedSeq: batch.last_seq });
      await (this.o.pause ?? nextTask)();
    }
  }

  /**
   * A document and its conflicting revisions: the checked revisions merged into one (written back, the
   * conflicts closed), or why none can be taken. A refused revision takes no part in the merge. Past
   * `MAX_MERGED_REVS` conflicts (no team writes that many apart) only the first are merged and the rest
   * left as they are: the merged revision, written on the winning branch, stays the winner.
   */
  private async resolveConflicts(
    doc: Doc,
    ctx: CheckContext,
  ): Promise<{ doc: TeamDoc; note?: string } | { reason: string; by?: string }> {
    const first = checkTeamDoc(doc, ctx);
    const conflicts = doc._conflicts ?? [];
    if (!conflicts.length) return first.ok ? { doc: first.doc } : first;
    const merging = conflicts.slice(0, MAX_MERGED_REVS);
    const leaves = await this.o.local.get(doc._id, { open_revs: merging }).catch(() => []);
    const revs: TeamDoc[] = first.ok ? [first.doc] : [];
    for (const leaf of leaves as { ok?: Doc }[]) {
      if (!leaf.ok || (leaf.ok as { _deleted?: boolean })._deleted) continue;
      const r = checkTeamDoc(leaf.ok, ctx);
      if (r.ok) revs.push(r.doc);
    }
    const merged = revs.length ? resolve(revs) : undefined;
    const closing = conflicts.length > MAX_MERGED_REVS ? [] : conflicts;
    const note = closing.length ? undefined : `冲突版本过多（${conflicts.length} 个），只合并了 ${MAX_MERGED_REVS} 个`;
    // Left open, the conflicts bring the document back after each write: written only when it changes.
    if (note && merged && first.ok) {
      // As stored (the schema's shape): a merge adds nothing the stored document lacks.
      const stored = checkTeamDoc({ ...merged, _id: doc._id }, ctx);
      if (stored.ok && canonical(stored.doc) === canonical(first.doc)) return { doc: merged, note };
    }
    await this.o.local.bulkDocs([
      ...(merged ? [{ ...merged, _id: doc._id, _rev: doc._rev }] : []),
      ...closing.map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true })),
    ]);
    if (!merged) return first.ok ? { doc: first.doc } : first;
    return note ? { doc: merged, note } : { doc: merged };
  }

  private async apply(docs: TeamDoc[], policy: ShopPolicy): Promise<void> {
    const cases = docs.filter((d): d is TeamCase => d.type === 'case');
    const snaps = docs.filter((d): d is SnapDoc => d.type === 'snap');
    const shop = docs.filter((d): d is ShopDoc => d.type !== 'case' && d.type !== 'snap');
    if (this.o.snapshots && snaps.length) await applySnapshots(this.o.db, snaps, policy);
    await applyTeamCases(this.o.db, cases);
    await applyShopDocs(this.o.db, shop);
  }

  /** The ids of the shop's documents whose items this browser holds (its labels, templates, commitments). */
  private async heldShop(): Promise<Set<string>> {
    const local = await readLocalShop(this.o.db);
    return new Set(shopChanges({ ...local, unreadable: new Set() }, new Map(), this.o.name, '').map(shopDocId));
  }

  /**
   * Of the items this browser holds, those it wrote itself (or has not shared yet): a flood can never push
   * them out. A colleague's item held here competes by its stamp like any other, so a collection a flood
   * filled still takes a colleague's newer item (the oldest of the flood gives way).
   */
  private ownOf(docs: ReadonlyMap<string, ShopDoc>, held: ReadonlySet<string>): Set<string> {
    const by = (id: string) => (docs.get(id) as { by?: string } | undefined)?.by ?? this.o.name;
    return new Set([...held].filter((id) => by(id) === this.o.name));
  }

  /** The shop's documents (not the cases'), those that pass the checks, by id. */
  private async shopDocs(ctx: CheckContext): Promise<Map<string, ShopDoc>> {
    const rows = (
      await Promise.all(
        ['commitment:', 'reply:', 'shop:', 'status:', 'taught:'].map((prefix) =>
          this.o.local.allDocs({ include_docs: true, startkey: prefix, endkey: `${prefix}\uffff` }),
        ),
      )
    ).flatMap((r) => r.rows);
    const docs = new Map<string, ShopDoc>();
    for (const row of rows) {
      const r = row.doc ? checkTeamDoc(row.doc, ctx) : undefined;
      if (r?.ok && r.doc.type !== 'case' && r.doc.type !== 'snap') docs.set(row.id, r.doc);
    }
    return docs;
  }

  /** On joining: this browser's staff data that the team does not have yet. */
  private async shareExisting(now: number): Promise<void> {
    const at = toChinaIso(now);
    const withStaff = await this.o.db.cases.filter((c) => !!c.staff).toArray();
    const existing = await this.revs(withStaff.map((c) => teamCaseId(c.key)));
    const fresh = withStaff.filter((c) => !existing.has(teamCaseId(c.key)));
    await this.write(fresh.map((c) => ({ _id: teamCaseId(c.key), ...staffDoc(c, this.o.name, at) })));
  }

  /** Share these cases' snapshots when they say something the team's copy does not (or the team's copy was refused). */
  async shareCases(keys: string[], now: number): Promise<void> {
    if (!this.o.snapshots || !keys.length) return;
    for (let i = 0; i < keys.length; i += 1000) {
      const part = keys.slice(i, i + 1000);
      const recs = (await this.o.db.cases.bulkGet(part)).filter((r): r is CaseRecord => !!r);
      const docs = await this.docs(part.map(snapDocId), now);
      const changed = recs
        .map((r) => snapDocOf(r, this.o.name))
        .filter((d) => {
          const had = docs.get(snapDocId(d.key)) as SnapDoc | undefined;
          return !had || !sameCase(had.snapshot, d.snapshot);
        });
      await this.write(changed.map((d) => ({ ...d, _id: snapDocId(d.key) })));
    }
  }

  /** Write what staff changed in the shop's settings since the team's copy. */
  async shareShop(now: number): Promise<number> {
    const { joined } = await this.progress();
    if (!joined) return 0;
    const docs = await this.shopDocs(this.context(now, (await this.o.policy()).platform));
    // A document past its collection's limit was not taken here: its absence here is no removal.
    for (const id of overLimit(docs, await this.heldShop())) docs.delete(id);
    const changes = shopChanges(await readLocalShop(this.o.db), docs, this.o.name, toChinaIso(now));
    await this.write(changes.map((d) => ({ ...d, _id: shopDocId(d) })));
    return changes.length;
  }

  /**
   * A staff member's change to a case: into the team document, then the ledger. A team document this
   * browser refused is no base: the case's team data as the ledger holds it is.
   */
  async staff(key: string, patch: StaffPatch, now: number): Promise<CaseRecord | undefined> {
    const id = teamCaseId(key);
    const base = (await this.docs([id], now)).get(id) as TeamCase | undefined;
    const rec = base ? undefined : await this.o.db.cases.get(key);
    const doc = patchTeamCase(base ?? (rec ? recordDoc(rec) : emptyTeamCase(key)), patch, this.o.name, toChinaIso(now));
    await this.write([{ ...doc, _id: id }]);
    return (await applyTeamCases(this.o.db, [doc]))[0];
  }

  /** Cases read here for the first time: what colleagues already did with them. */
  async fillNew(keys: string[], now: number): Promise<void> {
    const docs = await this.docs(keys.map(teamCaseId), now);
    await applyTeamCases(
      this.o.db,
      [...docs.values()].filter((d): d is TeamCase => d.type === 'case'),
    );
  }

  /** These documents as this browser has them, those that pass the checks. */
  private async docs(ids: string[], now: number): Promise<Map<string, TeamDoc>> {
    const out = new Map<string, TeamDoc>();
    if (!ids.length) return out;
    const res = await this.o.local.allDocs({ keys: ids, include_docs: true });
    let ctx: CheckContext | undefined;
    for (const row of res.rows) {
      const doc = 'doc' in row && row.doc ? row.doc : undefined;
      if (!doc) continue;
      ctx ??= this.context(now, (await this.o.policy()).platform);
      const r = checkTeamDoc(doc, ctx);
      if (r.ok) out.set(row.key, r.doc);
    }
    return out;
  }

  /** The current revision of each of these documents that exists (deleted ones too). */
  private async revs(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (!ids.length) return out;
    const res = await this.o.local.allDocs({ keys: ids });
    for (const row of res.rows) if ('value' in row && row.value?.rev) out.set(row.key, row.value.rev);
    return out;
  }

  /** Write these documents over whatever revision this browser has of each. */
  private async write(docs: (object & { _id: string })[]): Promise<void> {
    for (let i = 0; i < docs.length; i += 500) {
      const part = docs.slice(i, i + 500);
      const revs = await this.revs(part.map((d) => d._id));
      await this.o.local.bulkDocs(part.map((d) => ({ ...d, ...(revs.has(d._id) ? { _rev: revs.get(d._id) } : {}) })));
    }
  }
}

/** A case's team document from what the ledger holds of its team data (the team's copy was refused). */
function recordDoc(rec: CaseRecord): TeamCase {
  const doc = emptyTeamCase(rec.key);
  const t = rec.team;
  for (const c of t?.claims ?? []) doc.claims[c.by] = { value: true, at: c.at };
  if (t?.note && rec.staff?.note !== undefined) doc.note = { value: rec.staff.note, ...t.note };
  if (t?.handled && rec.staff?.handled !== undefined) doc.handled = { value: rec.staff.handled, ...t.handled };
  return doc;
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
