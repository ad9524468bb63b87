/**
 * What a colleague's document may say before it touches this browser (团队同步的把关): each document
 * that comes from the team's database is checked alone, with the bounds a person using our own UI
 * could produce, and refused alone with a reason staff can read. A refused document never becomes a
 * local write. Checked here: the shape (the documents' schemas), sizes, times (never later than this
 * browser's clock plus a small skew, never before 2003), values (rule parameters within the ranges the
 * options page accepts and the platform publishes), identity (the id names what the document carries;
 * the case's platform is the shop's), and addresses (a shared case's source is a seller page). Pure:
 * the clock and the shop's platform are passed in.
 */
import * as v from 'valibot';
import { isSellerHost } from '../page/hosts';
import type { Platform } from '../shared/types';
import { SnapDocSchema, snapDocId, type SnapDoc } from './ledger-bridge';
import { shopDocId, ShopDocSchema, type ShopDoc } from './shop-docs';
import { TeamCaseSchema, teamCaseId, type TeamCase } from './team-case';
import { ruleOverridesProblem } from './rule-ranges';

export type TeamDoc = TeamCase | SnapDoc | ShopDoc;

/** A stamp may run this far ahead of this browser's clock (two computers' clocks disagree a little). */
export const CLOCK_SKEW_MS = 10 * 60_000;
/** Nothing the team writes is older than Taobao's after-sales pages (2003). */
export const EARLIEST = Date.parse('2003-01-01T00:00:00+08:00');
/** A page countdown ends at most this far ahead (the platform's longest timer is 15 days). */
const DEADLINE_AHEAD_MS = 30 * 24 * 3600_000;
/** A commitment may be dated ahead (生效日期 in the future), but not this far. */
const COMMITMENT_AHEAD_MS = 2 * 366 * 24 * 3600_000;

/** The most colleagues who can claim one case, and next-step ticks one case can hold. */
export const MAX_CLAIMS = 50;
export const MAX_STEPS = 60;
/** The shop's reply templates are kept within this (commitments within `MAX_COMMITMENTS`). */
export const MAX_TEAM_REPLIES = 500;
export { MAX_COMMITMENTS } from '../storage/policy-store';

export type Checked = { ok: true; doc: TeamDoc } | { ok: false; reason: string; by?: string };

export interface CheckContext {
  /** This browser's clock (epoch ms). */
  now: number;
  /** The shop's platform, when its settings say it. */
  platform?: Platform | undefined;
}

/** A readable word on a valibot refusal: where, and what. */
function issueText(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const where = issue ? v.getDotPath(issue) : null;
  return `格式不符${where ? `（${where.slice(0, 80)}）` : ''}：${(issue?.message ?? '').slice(0, 120)}`;
}

function timeProblem(times: (string | undefined)[], latest: number, what = '时间'): string | undefined {
  for (const t of times) {
    if (t === undefined) continue;
    const ms = Date.parse(t);
    if (!(ms >= EARLIEST)) return `${what}早于 2003 年：${t.slice(0, 40)}`;
    if (ms > latest) return `${what}晚于本机时钟：${t.slice(0, 40)}`;
  }
  return undefined;
}

function caseProblem(d: TeamCase, ctx: CheckContext): string | undefined {
  if (Object.keys(d.claims).length > MAX_CLAIMS) return `认领人数超过 ${MAX_CLAIMS}`;
  if (Object.keys(d.steps).length > MAX_STEPS) return `步骤勾选超过 ${MAX_STEPS} 项`;
  return timeProblem(
    [
      ...Object.values(d.claims).map((c) => c.at),
      d.note?.at,
      ...d.otherNotes.map((n) => n.at),
      d.handled?.at,
      ...Object.values(d.steps).map((s) => s.at),
      ...d.log.map((e) => e.at),
    ],
    ctx.now + CLOCK_SKEW_MS,
  );
}

function snapProblem(d: SnapDoc, ctx: CheckContext): string | undefined {
  const s = d.snapshot;
  if (`${s.platform}:${s.disputeId}` !== d.key) return `单号与文档不符：${d.key} / ${s.platform}:${s.disputeId}`;
  let url: URL | undefined;
  try {
    url = new URL(d.source.url);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || !isSellerHost(url.hostname) || url.username || url.password)
    return `来源不是卖家后台页面：${d.source.url.slice(0, 80)}`;
  const latest = ctx.now + CLOCK_SKEW_MS;
  return (
    timeProblem(
      [
        d.at,
        d.source.readAt,
        s.appliedAt,
        s.paidAt,
        s.shippedAt,
        s.signedAt,
        s.returnLogistics?.shippedAt,
        s.returnLogistics?.signedAt,
        ...(s.history ?? []).map((h) => h.at),
      ],
      latest,
    ) ?? timeProblem([s.pageDeadline?.at], ctx.now + DEADLINE_AHEAD_MS, '倒计时')
  );
}

function shopProblem(d: ShopDoc, ctx: CheckContext): string | undefined {
  const latest = ctx.now + CLOCK_SKEW_MS;
  if (d.type === 'rules') return d.value ? ruleOverridesProblem(d.value) : undefined;
  if (d.type === 'reply') {
    if (d.reply && d.reply.id !== d.id) return `模板编号与文档不符：${d.id}`;
    return timeProblem([d.reply?.updatedAt], latest);
  }
  if (d.type === 'commitment') return timeProblem([d.entry.effectiveFrom], ctx.now + COMMITMENT_AHEAD_MS, '生效日期');
  return undefined;
}

/** One document from the team's database, checked alone: the document to use, or why it is refused. */
export function checkTeamDoc(raw: object, ctx: CheckContext): Checked {
  const rawBy = (raw as { by?: unknown }).by;
  const by = typeof rawBy === 'string' ? rawBy.slice(0, 40) : undefined;
  const refuse = (reason: string): Checked => ({ ok: false, reason, ...(by ? { by } : {}) });
  const type = (raw as { type?: unknown }).type;
  const schema = type === 'case' ? TeamCaseSchema : type === 'snap' ? SnapDocSchema : ShopDocSchema;
  const r = v.safeParse(schema, raw);
  if (!r.success) return refuse(issueText(r.issues));
  const doc = r.output;
  const id = (raw as { _id?: unknown })._id;
  const expected =
    doc.type === 'case' ? teamCaseId(doc.key) : doc.type === 'snap' ? snapDocId(doc.key) : shopDocId(doc);
  if (typeof id === 'string' && id !== expected) return refuse(`文档编号与内容不符：${id.slice(0, 80)}`);
  if ((doc.type === 'case' || doc.type === 'snap') && ctx.platform && !doc.key.startsWith(`${ctx.platform}:`))
    return refuse(`不是本店平台的售后单：${doc.key}`);
  const problem =
    timeProblem([(doc as { at?: string }).at], ctx.now + CLOCK_SKEW_MS) ??
    (doc.type === 'case' ? caseProblem(doc, ctx) : doc.type === 'snap' ? snapProblem(doc, ctx) : shopProblem(doc, ctx));
  return problem ? refuse(problem) : { ok: true, doc };
}
