/**
 * A case's team document: what staff did with a case (认领 claims, the note, the handled mark, next-step
 * ticks, and the staff timeline), as it travels between colleagues' browsers (one CouchDB document per
 * case). Every value is stamped with who set it and when, so two revisions written apart (two
 * colleagues offline, or the server down) merge without losing either colleague's edit. Pure: no
 * storage, no clock.
 */
import * as v from 'valibot';
import { IsoTime } from '../shared/snapshot-schema';
import { CASE_KEY } from '../shared/case-key';

const Who = v.pipe(v.string(), v.minLength(1), v.maxLength(40));
const stamped = <T extends v.GenericSchema>(value: T) => v.object({ value, by: Who, at: IsoTime });
const Note = stamped(v.pipe(v.string(), v.maxLength(5000)));

/** One staff event of the case timeline (备注 / 已处理 / 步骤 / 认领), as every browser shows it. */
const LogEntry = v.object({
  type: v.picklist(['note', 'handled', 'step', 'claim']),
  at: IsoTime,
  by: Who,
  to: v.pipe(v.string(), v.maxLength(5000)),
});

export const TeamCaseSchema = v.object({
  type: v.literal('case'),
  key: v.pipe(v.string(), v.regex(CASE_KEY)),
  /** Per colleague: claimed (true) or released (false), the latest word of each counts. */
  claims: v.optional(v.record(Who, v.object({ value: v.boolean(), at: IsoTime })), {}),
  note: v.optional(Note),
  /** Notes written at the same time as `note` by someone who had not seen it: kept until staff read them. */
  otherNotes: v.optional(v.pipe(v.array(Note), v.maxLength(20)), []),
  /** Notes staff have read and set aside (`by@at`), so a merge does not bring them back. */
  notesSeen: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(80))), v.maxLength(100)), []),
  handled: v.optional(stamped(v.boolean())),
  /** Next-step ticks by the step's text. */
  steps: v.optional(v.record(v.pipe(v.string(), v.maxLength(300)), stamped(v.boolean())), {}),
  log: v.optional(v.pipe(v.array(LogEntry), v.maxLength(400)), []),
});

export type TeamCase = v.InferOutput<typeof TeamCaseSchema>;
export type Stamped<T> = { value: T; by: string; at: string };
export type TeamLogEntry = TeamCase['log'][number];

export const MAX_LOG = 200;

export const teamCaseId = (key: string) => `case:${key}`;

export const emptyTeamCase = (key: string): TeamCase => ({
  type: 'case',
  key,
  claims: {},
  otherNotes: [],
  notesSeen: [],
  steps: {},
  log: [],
});

/** The later of two stamps; equal times are ordered by name, so every browser picks the same. */
export function later<T extends { at: string; by?: string }>(a: T | undefined, b: T | undefined): T | undefined {
  if (!a) return b;
  if (!b) return a;
  const d = Date.parse(a.at) - Date.parse(b.at);
  if (d !== 0) return d > 0 ? a : b;
  return (a.by ?? '') >= (b.by ?? '') ? a : b;
}

const noteId = (n: Stamped<string>) => `${n.by}@${n.at}`;
const logId = (e: TeamLogEntry) => `${e.type}|${e.at}|${e.by}|${e.to}`;

function laterPerKey<T extends { at: string }>(revs: Record<string, T>[], by?: (k: string) => string) {
  const out: Record<string, T> = {};
  for (const rev of revs)
    for (const [k, val] of Object.entries(rev)) {
      const kept = out[k];
      out[k] = by ? later({ ...val, by: by(k) }, kept && { ...kept, by: by(k) })! : later(val, kept)!;
    }
  return out;
}

/**
 * Merge the revisions of one case's team document (CouchDB's winner and its conflicts) into one.
 * Deterministic and order-free, so colleagues resolving the same conflict write the same document:
 * each claim, tick and the handled mark take their latest word; the latest note is the note, and a
 * different note written beside it is kept in `otherNotes` (shown to staff) until someone sets it aside.
 */
export function mergeTeamCase(revs: TeamCase[]): TeamCase {
  const first = revs[0]!;
  const seen = new Set(revs.flatMap((r) => r.notesSeen));
  const notes = new Map<string, Stamped<string>>();
  for (const r of revs) for (const n of [...(r.note ? [r.note] : []), ...r.otherNotes]) notes.set(noteId(n), n);
  let note: Stamped<string> | undefined;
  for (const n of notes.values()) note = later(n, note);
  const otherNotes = [...notes.values()]
    .filter((n) => n !== note && n.value !== note?.value && !seen.has(noteId(n)))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.by.localeCompare(b.by))
    .slice(-20);
  const log = new Map<string, TeamLogEntry>();
  for (const r of revs) for (const e of r.log) log.set(logId(e), e);
  let handled: Stamped<boolean> | undefined;
  for (const r of revs) handled = later(r.handled, handled);
  return {
    type: 'case',
    key: first.key,
    claims: laterPerKey(
      revs.map((r) => r.claims),
      (who) => who,
    ),
    ...(note ? { note } : {}),
    otherNotes,
    notesSeen: [...seen].sort().slice(-100),
    ...(handled ? { handled } : {}),
    steps: laterPerKey(revs.map((r) => r.steps)),
    log: [...log.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).slice(-MAX_LOG),
  };
}

/** A staff member's change to a case, as the sidebar sends it. */
export interface StaffPatch {
  note?: string;
  handled?: boolean;
  claim?: boolean;
  step?: { text: string; done: boolean };
  /** The other notes were read: set them aside. */
  dismissNotes?: boolean;
}

/** Apply one colleague's change; writing the note sets aside the other notes they were shown. */
export function patchTeamCase(doc: TeamCase, patch: StaffPatch, by: string, at: string): TeamCase {
  const next: TeamCase = { ...doc, claims: { ...doc.claims }, steps: { ...doc.steps }, log: [...doc.log] };
  const log = (type: TeamLogEntry['type'], to: string) => next.log.push({ type, at, by, to });
  if (patch.note !== undefined && patch.note !== doc.note?.value) {
    next.note = { value: patch.note, by, at };
    next.notesSeen = [...doc.notesSeen, ...doc.otherNotes.map(noteId)].slice(-100);
    next.otherNotes = [];
    log('note', patch.note);
  }
  if (patch.dismissNotes && doc.otherNotes.length) {
    next.notesSeen = [...doc.notesSeen, ...doc.otherNotes.map(noteId)].slice(-100);
    next.otherNotes = [];
  }
  if (patch.handled !== undefined && patch.handled !== !!doc.handled?.value) {
    next.handled = { value: patch.handled, by, at };
    log('handled', patch.handled ? '已处理' : '未处理');
  }
  if (patch.claim !== undefined && patch.claim !== !!doc.claims[by]?.value) {
    next.claims[by] = { value: patch.claim, at };
    log('claim', patch.claim ? '认领' : '放弃认领');
  }
  if (patch.step) {
    next.steps[patch.step.text] = { value: patch.step.done, by, at };
    log('step', `${patch.step.done ? '完成' : '取消'}：${patch.step.text}`);
  }
  next.log = next.log.slice(-MAX_LOG);
  return next;
}

/** Who has claimed the case, earliest first. */
export function claimsOf(doc: Pick<TeamCase, 'claims'>): { by: string; at: string }[] {
  return Object.entries(doc.claims)
    .filter(([, c]) => c.value)
    .map(([by, c]) => ({ by, at: c.at }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
