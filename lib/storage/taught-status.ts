/**
 * Status wordings staff taught the reader (34: "staff teach status wordings"), per seller host and case
 * kind: a page's whole status text (换货待处理, 买家已退货，待收货 …) that the vocabulary does not know →
 * one of that kind's statuses. Kept in the ledger's settings under one key, so the settings export
 * carries them. Validated and size-limited; a wording the vocabulary already reads is never taught.
 */
import * as v from 'valibot';
import { isSellerHost } from '../page/hosts';
import { normalizeText } from '../page/parse';
import { statusFromText, type TaughtStatuses } from '../page/vocabulary';
import { CASE_KINDS, STATUSES_OF_KIND, type CaseKind, type CaseStatus } from '../shared/types';
import type { RadarDB } from './db';

export const TAUGHT_STATUS_SETTING = 'taughtStatuses';
export const MAX_TAUGHT_STATUSES = 50;

/** A status wording as the page shows it: 1–60 characters of text, no markup. */
export const WordingSchema = v.pipe(
  v.string(),
  v.transform(normalizeText),
  v.minLength(1),
  v.maxLength(60),
  v.regex(/^[^<>]+$/u, '状态文字不能含尖括号'),
);

const statusesOf = (kind: CaseKind) =>
  v.pipe(
    v.record(WordingSchema, v.picklist(STATUSES_OF_KIND[kind])),
    v.check((r) => Object.keys(r).length <= MAX_TAUGHT_STATUSES, `每类最多 ${MAX_TAUGHT_STATUSES} 个状态文字`),
  );
const HostStatuses = v.strictObject({
  refund: v.optional(statusesOf('refund')),
  exchange: v.optional(statusesOf('exchange')),
  postage: v.optional(statusesOf('postage')),
});
export const TaughtStatusesSchema = v.pipe(
  v.record(v.pipe(v.string(), v.check(isSellerHost, '只能为卖家后台网站添加')), HostStatuses),
  v.check((r) => Object.keys(r).length <= 10, 'too many hosts'),
);
export type AllTaughtStatuses = Record<string, TaughtStatuses>;

/** Every host's taught wordings (an invalid stored value reads as none). */
export async function loadTaughtStatuses(db: RadarDB): Promise<AllTaughtStatuses> {
  const r = v.safeParse(TaughtStatusesSchema, (await db.settings.get(TAUGHT_STATUS_SETTING))?.value ?? {});
  return r.success ? r.output : {};
}

/** One host's taught wordings, for its reader. */
export async function taughtStatusesFor(db: RadarDB, host: string): Promise<TaughtStatuses> {
  return (await loadTaughtStatuses(db))[host] ?? {};
}

export const isCaseKind = (k: string): k is CaseKind => (CASE_KINDS as readonly string[]).includes(k);

/**
 * Teach a wording (or forget it, `status` undefined). Returns the reason when it is refused: only a
 * wording the vocabulary cannot read, only as a status of its own kind.
 */
export async function teachStatus(
  db: RadarDB,
  host: string,
  kind: CaseKind,
  wording: string,
  status: CaseStatus | undefined,
): Promise<string | undefined> {
  const text = v.safeParse(WordingSchema, wording);
  if (!text.success) return text.issues[0].message;
  if (!isSellerHost(host)) return '只能为卖家后台网站添加 / only seller backend hosts';
  if (status !== undefined && !(STATUSES_OF_KIND[kind] as readonly string[]).includes(status))
    return `不是${kind}的状态 / not a status of this kind`;
  if (status !== undefined && statusFromText(text.output, kind) !== 'UNKNOWN')
    return `“${text.output}”已能识别 / already read`;
  return db.transaction('rw', db.settings, async () => {
    const all = await loadTaughtStatuses(db);
    const forHost = { ...(all[host] ?? {}) };
    const wordings: Record<string, CaseStatus> = { ...(forHost[kind] ?? {}) };
    if (status === undefined) delete wordings[text.output];
    else wordings[text.output] = status;
    if (Object.keys(wordings).length) forHost[kind] = wordings;
    else delete forHost[kind];
    const next = { ...all, [host]: forHost };
    if (!Object.keys(forHost).length) delete next[host];
    const checked = v.safeParse(TaughtStatusesSchema, next);
    if (!checked.success) return checked.issues[0].message;
    await db.settings.put({ key: TAUGHT_STATUS_SETTING, value: checked.output });
    return undefined;
  });
}

/** Taught wordings from an imported settings file, merged into this browser's: what this browser has wins. */
export function mergeTaughtStatuses(mine: AllTaughtStatuses, imported: unknown): AllTaughtStatuses {
  const r = v.safeParse(TaughtStatusesSchema, imported);
  if (!r.success) return mine;
  const out: AllTaughtStatuses = { ...mine };
  for (const [host, kinds] of Object.entries(r.output)) {
    const merged: Record<string, Record<string, CaseStatus>> = {};
    for (const kind of CASE_KINDS) {
      const both = { ...(kinds[kind] ?? {}), ...(mine[host]?.[kind] ?? {}) };
      if (Object.keys(both).length) merged[kind] = both;
    }
    out[host] = merged;
  }
  const checked = v.safeParse(TaughtStatusesSchema, out);
  return checked.success ? checked.output : mine;
}
