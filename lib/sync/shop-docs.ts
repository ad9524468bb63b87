/**
 * The shop's shared settings as team documents, one per item so colleagues editing different items
 * never conflict: the platform-rule overrides (one document), each taught page label, each reply
 * template, each commitment (with its effective date: the dated history only grows). An item edited
 * in two browsers at once keeps the later edit (each carries who and when). Pure: the local side is
 * passed in as plain data, and the answer is what to write where.
 */
import * as v from 'valibot';
import { PolicySchema, CommitmentSchema, FreightTablesSchema } from '../storage/policy-schema';
import { ReplySchema } from '../storage/backup';
import { TaughtLabelSchema, isMeaning, type Meaning, type Taught } from '../storage/taught';
import type { ReplyRecord } from '../storage/db';
import type { CommitmentEntry } from '../engine/policy';
import type { FreightTable } from '../engine/freight';
import type { RuleOverrides } from '../engine/rules';
import { IsoTime } from '../shared/snapshot-schema';
import { isSellerHost } from '../page/hosts';
import { CASE_KINDS, CASE_STATUSES, STATUSES_OF_KIND, type CaseStatus } from '../shared/types';
import { MAX_TAUGHT_STATUSES, WordingSchema, type AllTaughtStatuses } from '../storage/taught-status';
import { fnv1a } from '../shared/hash';

const Who = v.pipe(v.string(), v.minLength(1), v.maxLength(40));
const Stamp = { by: Who, at: IsoTime };

export const ShopDocSchema = v.variant('type', [
  v.object({ type: v.literal('rules'), value: v.nullable(v.unwrap(PolicySchema.entries.ruleOverrides)), ...Stamp }),
  v.object({
    type: v.literal('taught'),
    host: v.pipe(v.string(), v.check(isSellerHost)),
    label: TaughtLabelSchema,
    /** null: the label was forgotten. */
    meaning: v.nullable(v.pipe(v.string(), v.check(isMeaning))),
    ...Stamp,
  }),
  /** `reply` null: the template was deleted. */
  v.object({
    type: v.literal('reply'),
    id: v.pipe(v.string(), v.maxLength(80)),
    reply: v.nullable(ReplySchema),
    ...Stamp,
  }),
  v.object({ type: v.literal('commitment'), entry: CommitmentSchema, ...Stamp }),
  /** A status wording taught for a host and case kind; `status` null: forgotten. */
  v.pipe(
    v.object({
      type: v.literal('status'),
      host: v.pipe(v.string(), v.check(isSellerHost)),
      kind: v.picklist(CASE_KINDS),
      wording: WordingSchema,
      status: v.nullable(v.picklist(CASE_STATUSES)),
      ...Stamp,
    }),
    v.check(
      (d) => d.status === null || (STATUSES_OF_KIND[d.kind] as readonly string[]).includes(d.status),
      'not a status of that kind',
    ),
  ),
  /** The shop's freight tables (one document; null: none). */
  v.object({ type: v.literal('freight'), value: v.nullable(FreightTablesSchema), ...Stamp }),
]);

export type ShopDoc = v.InferOutput<typeof ShopDocSchema>;

/** What this browser has of the shop's shared settings. */
export interface LocalShop {
  rules: RuleOverrides | undefined;
  taught: Taught;
  /** Taught status wordings, by host and case kind. */
  statuses?: AllTaughtStatuses;
  replies: ReplyRecord[];
  commitments: CommitmentEntry[];
  freight?: FreightTable[];
  /**
   * The parts whose stored value failed validation here: the team's documents for them are neither
   * overwritten nor removed from this browser (a bad local read never deletes the team's data).
   */
  unreadable?: ReadonlySet<ShopPart>;
}

export type ShopPart = 'rules' | 'taught' | 'statuses' | 'replies' | 'commitments' | 'freight';

/** A stable id for a commitment entry: its content (an entry is never edited, only superseded). */
export function commitmentId(entry: CommitmentEntry): string {
  const body = JSON.stringify(Object.fromEntries(Object.entries(entry).sort(([a], [b]) => a.localeCompare(b))));
  return `commitment:${entry.type}:${entry.effectiveFrom}:${fnv1a(body)}`;
}

export const shopDocId = (d: ShopDoc): string =>
  d.type === 'rules'
    ? 'shop:rules'
    : d.type === 'taught'
      ? `taught:${d.host}:${d.label}`
      : d.type === 'status'
        ? `status:${d.host}:${d.kind}:${d.wording}`
        : d.type === 'reply'
          ? `reply:${d.id}`
          : d.type === 'freight'
            ? 'shop:freight'
            : commitmentId(d.entry);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The documents to write so the team has this browser's settings: every local item the documents lack
 * or hold otherwise, and a removal for an item the documents have and this browser no longer does.
 * Only run after the team's documents were applied here (else a colleague's new item would read as
 * removed by us).
 */
export function shopChanges(local: LocalShop, docs: ReadonlyMap<string, ShopDoc>, by: string, at: string): ShopDoc[] {
  const out: ShopDoc[] = [];
  const put = (d: ShopDoc) => {
    const had = docs.get(shopDocId(d));
    if (!had || !sameContent(had, d)) out.push(d);
  };
  const readable = (part: ShopPart) => !local.unreadable?.has(part);
  if (readable('rules'))
    put({ type: 'rules', value: local.rules && Object.keys(local.rules).length ? local.rules : null, by, at });
  const taughtIds = new Set<string>();
  if (readable('taught'))
    for (const [host, labels] of Object.entries(local.taught))
      for (const [label, meaning] of Object.entries(labels)) {
        const d: ShopDoc = { type: 'taught', host, label, meaning, by, at };
        taughtIds.add(shopDocId(d));
        put(d);
      }
  const statusIds = new Set<string>();
  if (readable('statuses'))
    for (const [host, kinds] of Object.entries(local.statuses ?? {}))
      for (const kind of CASE_KINDS)
        for (const [wording, status] of Object.entries(kinds[kind] ?? {})) {
          const d: ShopDoc = { type: 'status', host, kind, wording, status, by, at };
          statusIds.add(shopDocId(d));
          put(d);
        }
  const replyIds = new Set<string>();
  if (readable('replies'))
    for (const reply of local.replies) {
      const d: ShopDoc = { type: 'reply', id: reply.id, reply, by, at };
      replyIds.add(shopDocId(d));
      put(d);
    }
  if (readable('commitments')) for (const entry of local.commitments) put({ type: 'commitment', entry, by, at });
  // The freight tables: once a browser has some, or the team's document exists (a browser that never had any says nothing).
  if (readable('freight') && (local.freight?.length || docs.has('shop:freight')))
    put({ type: 'freight', value: local.freight?.length ? local.freight : null, by, at });
  for (const [id, d] of docs) {
    if (d.type === 'taught' && d.meaning !== null && readable('taught') && !taughtIds.has(id))
      out.push({ ...d, meaning: null, by, at });
    if (d.type === 'status' && d.status !== null && readable('statuses') && !statusIds.has(id))
      out.push({ ...d, status: null, by, at });
    if (d.type === 'reply' && d.reply !== null && readable('replies') && !replyIds.has(id))
      out.push({ ...d, reply: null, by, at });
  }
  return out;
}

/** Whether two documents say the same (stamps aside). */
export function sameContent(a: ShopDoc, b: ShopDoc): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'rules' && b.type === 'rules') return same(a.value, b.value);
  if (a.type === 'taught' && b.type === 'taught') return a.meaning === b.meaning;
  if (a.type === 'status' && b.type === 'status') return a.status === b.status;
  if (a.type === 'reply' && b.type === 'reply') return same(a.reply, b.reply);
  if (a.type === 'freight' && b.type === 'freight') return same(a.value, b.value);
  return true;
}

/** Taught labels with one team document applied. */
export function taughtWith(taught: Taught, d: Extract<ShopDoc, { type: 'taught' }>): Taught {
  const labels = { ...(taught[d.host] ?? {}) };
  if (d.meaning === null) delete labels[d.label];
  else labels[d.label] = d.meaning as Meaning;
  const next = { ...taught, [d.host]: labels };
  if (!Object.keys(labels).length) delete next[d.host];
  return next;
}

/** Taught status wordings with one team document applied (a wording past its kind's limit is not taken). */
export function statusesWith(all: AllTaughtStatuses, d: Extract<ShopDoc, { type: 'status' }>): AllTaughtStatuses {
  const kinds = { ...(all[d.host] ?? {}) };
  const wordings: Record<string, CaseStatus> = { ...(kinds[d.kind] ?? {}) };
  if (d.status === null) delete wordings[d.wording];
  else if (Object.hasOwn(wordings, d.wording) || Object.keys(wordings).length < MAX_TAUGHT_STATUSES)
    wordings[d.wording] = d.status;
  if (Object.keys(wordings).length) kinds[d.kind] = wordings;
  else delete kinds[d.kind];
  const next = { ...all, [d.host]: kinds };
  if (!Object.keys(kinds).length) delete next[d.host];
  return next;
}
