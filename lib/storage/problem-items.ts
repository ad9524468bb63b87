/**
 * 问题商品: which items the after-sales cases come from, for the product team. From the ledger's
 * records, the items ranked by their cases in a window (7 or 30 days ending now) against the window
 * before it, each broken down by reason class, with the money refunded. An item is known by its id
 * (the row's item link or the page's data), else by its title; a case with neither falls under
 * 未读到商品. A case counts on the day it was applied for (else first seen). `rankProblemItems` is
 * pure; `loadProblemItems` reads what it needs from the ledger by the timeline's index.
 */
import { PROBLEM_CLASS_LABEL, PROBLEM_CLASSES, problemClass, type ProblemClass } from '../engine/reason';
import { DAY_MS, toChinaIso } from '../shared/china-time';
import type { Platform } from '../shared/types';
import type { CaseRecord, RadarDB } from './db';

export type ClassCounts = Record<ProblemClass, number>;

export interface ProblemItem {
  /** `id:<item id>`, `title:<title>`, or `none`. */
  key: string;
  itemId?: string;
  /** The item's title as last read (the id when no title was read; 未读到商品 for `none`). */
  title: string;
  /** The item's page, when its id is known. */
  link?: string;
  count: number;
  /** Cases in the window before. */
  previous: number;
  byClass: ClassCounts;
  previousByClass: ClassCounts;
  /** The class with the most cases in the window (the first of equals in PROBLEM_CLASSES' order). */
  topClass: ProblemClass;
  /** Refunds that succeeded among the window's cases, fen. */
  refundedFen: number;
  /** The window's cases, newest first. */
  cases: CaseRecord[];
}

export interface ProblemItems {
  days: number;
  /** The window: [from, to), ISO China time. */
  from: string;
  to: string;
  items: ProblemItem[];
  /** Cases in the window, and of them those without an item id (counted by title or under 未读到商品). */
  total: number;
  withoutId: number;
}

export const NO_ITEM = '（未读到商品）';
export const WINDOWS = [7, 30] as const;

const zero = (): ClassCounts => Object.fromEntries(PROBLEM_CLASSES.map((c) => [c, 0])) as ClassCounts;
/** A title as a key: spacing does not make another item. */
const titleKey = (t: string) => t.replace(/\s+/g, ' ').trim();

/** The item's page on its platform. */
export const itemLink = (platform: Platform, itemId: string) =>
  platform === 'tmall'
    ? `https://detail.tmall.com/item.htm?id=${encodeURIComponent(itemId)}`
    : `https://item.taobao.com/item.htm?id=${encodeURIComponent(itemId)}`;

/** When a case counts: applied for, else first seen (epoch ms). */
const caseTime = (r: CaseRecord) => Date.parse(r.appliedAt ?? r.firstSeenAt);

/**
 * The key each case counts under. A case without an id whose title belongs to exactly one id joins
 * that id's item (the same item read on a page without its link).
 */
function keysOf(records: readonly CaseRecord[]): Map<CaseRecord, string> {
  const idsOfTitle = new Map<string, Set<string>>();
  for (const r of records)
    if (r.itemId && r.item) {
      const t = titleKey(r.item);
      if (!idsOfTitle.has(t)) idsOfTitle.set(t, new Set());
      idsOfTitle.get(t)!.add(r.itemId);
    }
  const out = new Map<CaseRecord, string>();
  for (const r of records) {
    const t = r.item ? titleKey(r.item) : '';
    const ids = t ? idsOfTitle.get(t) : undefined;
    out.set(r, r.itemId ? `id:${r.itemId}` : ids?.size === 1 ? `id:${[...ids][0]!}` : t ? `title:${t}` : 'none');
  }
  return out;
}

/**
 * The items of the `days` ending at `now`, most cases first (then most refunded, then title), compared
 * with the `days` before. Items with cases only in the window before are left out.
 */
export function rankProblemItems(records: readonly CaseRecord[], now: number, days: number): ProblemItems {
  const to = now;
  const from = now - days * DAY_MS;
  const before = from - days * DAY_MS;
  const inRange = records.filter((r) => {
    const t = caseTime(r);
    return t >= before && t < to;
  });
  const keys = keysOf(inRange);
  const items = new Map<string, ProblemItem>();
  let total = 0;
  let withoutId = 0;
  const sorted = [...inRange].sort((a, b) => caseTime(b) - caseTime(a));
  for (const r of sorted) {
    const key = keys.get(r)!;
    let it = items.get(key);
    if (!it) {
      const itemId = key.startsWith('id:') ? key.slice(3) : undefined;
      it = {
        key,
        ...(itemId ? { itemId, link: itemLink(r.platform, itemId) } : {}),
        title: r.item ? titleKey(r.item) : (itemId ?? NO_ITEM),
        count: 0,
        previous: 0,
        byClass: zero(),
        previousByClass: zero(),
        topClass: 'other',
        refundedFen: 0,
        cases: [],
      };
      items.set(key, it);
    }
    // The newest title read names the item (an id's first case with a title).
    if (it.title === it.itemId && r.item) it.title = titleKey(r.item);
    const cls = problemClass(r.reason);
    if (caseTime(r) < from) {
      it.previous++;
      it.previousByClass[cls]++;
      continue;
    }
    total++;
    if (!r.itemId) withoutId++;
    it.count++;
    it.byClass[cls]++;
    it.cases.push(r);
    if (r.kind === 'refund' && r.status === 'SUCCESS') it.refundedFen += r.refundFen ?? 0;
  }
  const ranked = [...items.values()].filter((it) => it.count > 0);
  for (const it of ranked)
    it.topClass = PROBLEM_CLASSES.reduce(
      (best, c) => (it.byClass[c] > it.byClass[best] ? c : best),
      PROBLEM_CLASSES[0],
    );
  ranked.sort(
    (a, b) =>
      b.count - a.count ||
      b.refundedFen - a.refundedFen ||
      Number(a.key === 'none') - Number(b.key === 'none') ||
      a.title.localeCompare(b.title),
  );
  return { days, from: toChinaIso(from), to: toChinaIso(to), items: ranked, total, withoutId };
}

/**
 * The ledger's cases that may count in the `days` ending at `now` or the `days` before: those this
 * browser first saw since then (a case is applied for before it is first seen).
 */
export async function problemCases(db: RadarDB, now: number, days: number): Promise<CaseRecord[]> {
  const since = toChinaIso(now - 2 * days * DAY_MS);
  const keys = await db.events
    .where('[type+at]')
    .between(['first-seen', since], ['first-seen', '\uffff'], true, true)
    .toArray((events) => [...new Set(events.map((e) => e.caseKey))]);
  return (await db.cases.bulkGet(keys)).filter((r): r is CaseRecord => !!r);
}

/** Both windows from one read of the ledger. */
export async function loadProblemItems(db: RadarDB, now: number): Promise<Record<7 | 30, ProblemItems>> {
  const records = await problemCases(db, now, 30);
  return { 7: rankProblemItems(records, now, 7), 30: rankProblemItems(records, now, 30) };
}

/**
 * The 日报's line: the week's first item by its main class, against the week before, e.g.
 * 本周问题商品：羊毛围巾 质量问题 5 单，比上周多 3. Null when the week had no case.
 */
export function weekLine(week: ProblemItems): string | null {
  const top = week.items[0];
  if (!top) return null;
  const n = top.byClass[top.topClass];
  const d = n - top.previousByClass[top.topClass];
  const change = d > 0 ? `比上周多 ${d}` : d < 0 ? `比上周少 ${-d}` : '与上周持平';
  return `本周问题商品：${top.title} ${PROBLEM_CLASS_LABEL[top.topClass]} ${n} 单，${change}`;
}
