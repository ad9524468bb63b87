/**
 * Every message between content scripts, extension pages and the background, in one place.
 * Incoming messages are validated with valibot; a malformed one is rejected with a reason and
 * nothing of it is applied.
 */
import * as v from 'valibot';
import type { BadgeMark } from '../engine/mark';
import type { ShopPolicy } from '../engine/policy';
import type { TaughtLabels } from '../page/tokens';
import type { TaughtStatuses } from '../page/vocabulary';
import type { ReplyTemplate } from '../replies/model';
import type { Backup, ImportReport } from '../storage/backup';
import type { CockpitReply } from '../storage/cockpit';
import type { CaseEvent, CaseRecord, ShopRecord } from '../storage/db';
import type { Taught } from '../storage/taught';
import type { AllTaughtStatuses } from '../storage/taught-status';
import type { SyncStatus } from '../sync/replicator';
import { MAX_RESPONSE_CHARS } from '../page/mtop-api';
import { CASE_KINDS, CASE_STATUSES, PAGE_ERAS } from '../shared/types';
import {
  IsoTime,
  PageKindSchema,
  PageShopSchema,
  PlatformSchema,
  ReadCaseSchema,
  ShopName,
} from '../shared/snapshot-schema';
import { CASE_ID, CASE_KEY } from '../shared/case-key';

/** The snapshot's schema (defined with its type in lib/shared/snapshot-schema.ts). */
export { CaseSnapshotSchema } from '../shared/snapshot-schema';

const Url = v.pipe(v.string(), v.url(), v.maxLength(2000));
const CaseKey = v.pipe(v.string(), v.regex(CASE_KEY));
const Labels = v.pipe(v.array(v.pipe(v.string(), v.maxLength(40))), v.maxLength(50));

/** What a page reading says besides its cases. */
const ReadingMetaEntries = {
  page: PageKindSchema,
  era: v.picklist(PAGE_ERAS),
  platform: PlatformSchema,
  /** The shop the page's header names (lib/page/shop.ts); filled from the tab's when it names none. */
  shop: v.optional(PageShopSchema),
  stats: v.record(v.pipe(v.string(), v.maxLength(40)), v.pipe(v.number(), v.integer(), v.minValue(0))),
  missing: Labels,
  /** Label-like texts the reader does not know, for staff to teach. */
  unknownLabels: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(20))), v.maxLength(30))),
};

const Seq = v.pipe(v.number(), v.integer(), v.minValue(0));
/** A content script's name for its document (a random UUID). */
const Doc = v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/));

/** A page reading as it travels: what lib/page/read.ts produced, and where and when. */
export const ReadingSchema = v.object({
  ...ReadingMetaEntries,
  cases: v.pipe(v.array(ReadCaseSchema), v.maxLength(5000)),
});

export const MessageSchema = v.variant('type', [
  /** A content script read a page: store its cases. */
  v.object({
    type: v.literal('cases/seen'),
    source: v.object({ page: PageKindSchema, url: Url, readAt: IsoTime }),
    cases: v.pipe(v.array(ReadCaseSchema), v.maxLength(5000)),
    /** The shop the page's header names; none: the shop the tab's last naming page named. */
    shop: v.optional(PageShopSchema),
    /** Set by a content script in a child frame (the /tp/ shell's list): relayed to the top frame's sidebar. */
    frameReading: v.optional(ReadingSchema),
    /**
     * Set by a top frame: these cases are also part `seq` of the reading its sidebar shows, passed on
     * from here so the page serialises them once (`last`: the part that completes it).
     */
    sidebar: v.optional(v.object({ seq: Seq, last: v.boolean(), reading: v.object(ReadingMetaEntries) })),
    /** The sending document, to fill these cases from the data responses it forwarded (`page/data`). */
    doc: v.optional(Doc),
  }),
  /**
   * A page data response as it came (the main-world observer's copy), forwarded by the content
   * script of the frame it came to; the background parses it and keeps its cases for that document.
   */
  v.object({
    type: v.literal('page/data'),
    doc: Doc,
    platform: PlatformSchema,
    text: v.pipe(v.string(), v.maxLength(MAX_RESPONSE_CHARS)),
  }),
  /** A top frame's reading (part `seq`), to pass on to its tab's sidebar filled from the frame's data responses. */
  v.object({
    type: v.literal('reading/show'),
    doc: v.optional(Doc),
    seq: Seq,
    last: v.boolean(),
    readAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
    reading: ReadingSchema,
  }),
  /** Background → the top frame: what a child frame of this tab read. */
  v.object({ type: v.literal('frame/reading'), url: Url, reading: ReadingSchema }),
  /** Open cases, most urgent first. */
  v.object({
    type: v.literal('cases/urgent'),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
  }),
  /**
   * The day's cockpit for 售后工作台 (lib/storage/cockpit.ts). `look`: the sidebar just opened (the
   * digest runs from its previous look); otherwise the digest runs from `since`.
   */
  v.object({ type: v.literal('cockpit/get'), look: v.optional(v.boolean()), since: v.optional(IsoTime) }),
  /** One case from the ledger with its timeline (the sidebar's case view). */
  v.object({ type: v.literal('case/get'), key: CaseKey }),
  /**
   * Staff data: a note, the handled mark, a next-step tick; with team sync also 认领 (claim or release)
   * and setting aside a colleague's note written at the same time. Never from a page read.
   */
  v.object({
    type: v.literal('case/staff'),
    key: CaseKey,
    note: v.optional(v.pipe(v.string(), v.maxLength(5000))),
    handled: v.optional(v.boolean()),
    claim: v.optional(v.boolean()),
    dismissNotes: v.optional(v.literal(true)),
    step: v.optional(v.object({ text: v.pipe(v.string(), v.minLength(1), v.maxLength(300)), done: v.boolean() })),
  }),
  /**
   * The shop policy of `shop` (none: the primary shop's); `ofPage`: the policy a page's cases are
   * judged by (the sidebar's guidance), so a page of no known shop among several gets none.
   */
  v.object({ type: v.literal('policy/get'), shop: v.optional(ShopName), ofPage: v.optional(v.literal(true)) }),
  /** The shops this browser has seen, the primary first. */
  v.object({ type: v.literal('shops/list') }),
  /** The shop's reply templates (edits of shipped ones and its own). */
  v.object({ type: v.literal('replies/list') }),
  /** The labels staff taught: one host's (for its reader), or every host's (the options page). */
  v.object({ type: v.literal('labels/taught'), host: v.optional(v.pipe(v.string(), v.maxLength(100))) }),
  /** Teach what a page label means (a field, or ignore it); `meaning` left out forgets the label. */
  v.object({
    type: v.literal('labels/teach'),
    host: v.pipe(v.string(), v.maxLength(100)),
    label: v.pipe(v.string(), v.maxLength(40)),
    meaning: v.optional(v.pipe(v.string(), v.maxLength(20))),
  }),
  /** The status wordings staff taught: one host's (for its reader), or every host's (the options page). */
  v.object({ type: v.literal('statuses/taught'), host: v.optional(v.pipe(v.string(), v.maxLength(100))) }),
  /** Teach what a status wording means for a case kind; `status` left out forgets the wording. */
  v.object({
    type: v.literal('statuses/teach'),
    host: v.pipe(v.string(), v.maxLength(100)),
    kind: v.picklist(CASE_KINDS),
    wording: v.pipe(v.string(), v.maxLength(200)),
    status: v.optional(v.picklist(CASE_STATUSES)),
  }),
  /** Data management from the options page. */
  v.object({ type: v.literal('data/export'), includeBuyer: v.optional(v.boolean()) }),
  v.object({ type: v.literal('data/import'), text: v.pipe(v.string(), v.maxLength(200_000_000)) }),
  v.object({ type: v.literal('data/prune'), days: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650)) }),
  /** Deletes everything; the confirmation word guards against a stray call. */
  v.object({ type: v.literal('data/clear'), confirm: v.literal('清空全部数据') }),
  /** Open the case's page in the seller backend, focusing a tab that already shows it. */
  v.object({ type: v.literal('case/open'), key: CaseKey }),
  /** Team sync: run now (a sidebar, popup or options page opened); answers the status. */
  v.object({ type: v.literal('sync/now') }),
  /** Look at the deadlines now (after settings change); also what the alarm does. */
  v.object({ type: v.literal('alerts/sweep') }),
]);

export type Message = v.InferOutput<typeof MessageSchema>;
export type MessageType = Message['type'];

/** The answer to `cases/seen`: what was stored, each case's row badge by dispute id, and whether
 * the cases were passed on to the tab's sidebar (false: no sidebar listens here; post them directly). */
export interface SeenReply {
  /** Cases of the reading that failed validation alone and were left out (the others are stored). */
  rejected?: RejectedCase[];
  saved: number;
  created: number;
  marks: Record<string, BadgeMark>;
  shown: boolean;
  /** The background worker's life (`PageData.epoch`): another than the one `page/data` answered means its data was lost. */
  epoch?: string;
}

/** The answer to `reading/show`: whether a sidebar of the tab listened, and the worker's `epoch`. */
export interface ShowReply {
  shown: boolean;
  epoch?: string;
}

export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

/** What the background answers each message type with (the `value` of an ok reply). */
export interface ReplyValues {
  'cases/seen': SeenReply;
  'page/data': { epoch: string };
  'reading/show': ShowReply;
  /** Sent by the background only: a content script answers nothing. */
  'frame/reading': never;
  'cases/urgent': CaseRecord[];
  'cockpit/get': CockpitReply;
  'case/get': { record: CaseRecord; events: CaseEvent[] } | null;
  'case/staff': CaseRecord;
  'policy/get': ShopPolicy;
  'shops/list': ShopRecord[];
  /** Every host's labels (a message naming a host gets that host's: `ReplyTo`). */
  'labels/taught': Taught;
  'labels/teach': TaughtLabels;
  /** Every host's wordings (a message naming a host gets that host's: `ReplyTo`). */
  'statuses/taught': AllTaughtStatuses;
  'statuses/teach': TaughtStatuses;
  'replies/list': ReplyTemplate[];
  'data/export': Backup;
  'data/import': ImportReport;
  'data/prune': { removed: number };
  'data/clear': { cleared: true };
  'case/open': null;
  'sync/now': SyncStatus;
  'alerts/sweep': unknown;
}

/** The reply value a message gets: fixed by its type (and, for the taught lists, by naming a host). */
export type ReplyTo<M extends Message> = M extends { type: 'labels/taught'; host: string }
  ? TaughtLabels
  : M extends { type: 'statuses/taught'; host: string }
    ? TaughtStatuses
    : ReplyValues[M['type']];

/** A reply as a handler gives it for a message type. */
export type ReplyFor<T extends MessageType> = Reply<ReplyValues[T]>;

/** Validate an incoming message; the reason names the first problem and where it is. */
export function parseMessage(
  input: unknown,
): { ok: true; message: Message; rejected?: RejectedCase[] } | { ok: false; error: string } {
  const result = v.safeParse(MessageSchema, input);
  if (result.success) return { ok: true, message: result.output };
  // One bad case never costs the others: a page's reading is stored without the cases that fail alone.
  const salvaged = withoutBadCases(input);
  if (salvaged) {
    const again = v.safeParse(MessageSchema, salvaged.input);
    if (again.success) return { ok: true, message: again.output, rejected: salvaged.rejected };
  }
  return { ok: false, error: issueText(result.issues[0]) };
}

/** A case left out of a page's reading, with the reason (its field and the problem). */
export interface RejectedCase {
  disputeId?: string;
  reason: string;
}

function issueText(issue: v.BaseIssue<unknown> | undefined): string {
  const where = issue ? v.getDotPath(issue) : null;
  return `invalid message${where ? ` at ${where}` : ''}: ${issue?.message ?? 'unknown problem'}`;
}

/** A `cases/seen` message without its cases that fail validation on their own, and what they were. */
function withoutBadCases(input: unknown): { input: unknown; rejected: RejectedCase[] } | undefined {
  const msg = input as { type?: unknown; cases?: unknown; frameReading?: { cases?: unknown } } | null;
  if (msg?.type !== 'cases/seen' || !Array.isArray(msg.cases)) return undefined;
  const rejected: RejectedCase[] = [];
  const keep = (cases: unknown[]) =>
    cases.filter((c) => {
      const r = v.safeParse(ReadCaseSchema, c);
      if (r.success) return true;
      const id = (c as { disputeId?: unknown } | null)?.disputeId;
      rejected.push({
        ...(typeof id === 'string' && CASE_ID.test(id) ? { disputeId: id } : {}),
        reason: issueText(r.issues[0]).replace('invalid message', 'invalid case'),
      });
      return false;
    });
  const cases = keep(msg.cases);
  const frame =
    msg.frameReading && Array.isArray(msg.frameReading.cases)
      ? { ...msg.frameReading, cases: keep(msg.frameReading.cases) }
      : msg.frameReading;
  return rejected.length
    ? { input: { ...msg, cases, ...(frame ? { frameReading: frame } : {}) }, rejected: rejected.slice(0, 50) }
    : undefined;
}
