/**
 * Reading strategy: a detail page (one case). Its sections are split at their headings (found by
 * element and position, never by a message that equals one); the case's identity is the page
 * address's own id; its status is the labelled one, or the status sentence of the page's heading or
 * status banner; its countdown is read from the case's own text, never from buyer text or history.
 */
import type { CaseSnapshot, HistoryEntry, PageKind } from '../shared/types';
import { newSaid, readPairs, settle, type Said } from './pairs';
import { isPlausiblePast, mayBeCountdown, parseChinaTime, resolveCase } from './parse';
import { kindFor, readFlags, toSnapshot } from './snapshot';
import type { Token } from './tokens';
import { historyActor, historyEvent, SECTION_HEADINGS, statusOfText, type TaughtStatuses } from './vocabulary';

type Section = 'main' | 'logistics' | 'history' | 'reply';

/** Where each section's pieces are: token indices, in document order. */
type Sections = Record<Section, number[]>;

const HEADING_ELEMENT = /^h[1-6]$/;
const isHeadingElement = (el: Element | null): boolean =>
  !!el &&
  (HEADING_ELEMENT.test(el.localName) ||
    el.getAttribute('role') === 'heading' ||
    el.localName === 'legend' ||
    el.localName === 'caption');

/** Elements that hold one entry of a list or table: a heading is never inside one. */
const ENTRY = 'li, [role="listitem"], td, [role="cell"], [role="gridcell"], dd';

/**
 * Split at the section headings. A heading is a piece that is the whole text of its element and
 * that element is a heading element, or stands outside any list entry and outside the history
 * section's own box (so a buyer's message that reads 售后信息 changes nothing).
 */
function splitSections(tokens: Token[]): Sections {
  const out: Sections = { main: [], logistics: [], history: [], reply: [] };
  let cur: Section = 'main';
  let historyBox: Element | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const kind = !t.free && Object.hasOwn(SECTION_HEADINGS, t.text) ? SECTION_HEADINGS[t.text] : undefined;
    const el = t.node.parentElement;
    const isHeading =
      kind !== undefined &&
      !!el &&
      el.textContent?.trim() === t.node.nodeValue?.trim() &&
      (isHeadingElement(el) || (!el.closest(ENTRY) && !(historyBox && historyBox !== el && historyBox.contains(el))));
    if (isHeading) {
      cur = kind === 'info' ? 'main' : kind;
      if (cur === 'history') historyBox = el.parentElement;
      continue;
    }
    out[cur].push(i);
  }
  return out;
}

const STATUS_SENTENCE = /等待|已|待|成功|关闭|拒绝/;
const ACTIONABLE = 'button, a, [role="button"], [role="tab"], [role="option"], label, option';

/**
 * The status stated by the page's heading or status banner: a short piece in a heading element (or
 * inside a heading, or a role status / alert / banner), not in a button, link or tab, whose words are
 * a known status; all such pieces must agree.
 */
function statusFromHeading(
  tokens: Token[],
  at: number[],
  page: PageKind,
  statuses: TaughtStatuses | undefined,
): string | undefined {
  const kind = kindFor(page, undefined, undefined);
  let found: string | undefined;
  for (const i of at) {
    const t = tokens[i]!;
    if (t.free || t.label || t.text.length > 40 || !STATUS_SENTENCE.test(t.text)) continue;
    const el = t.node.parentElement;
    if (!el || el.closest(ACTIONABLE)) continue;
    const own =
      isHeadingElement(el) || !!el.closest('[role="status"], [role="alert"], [role="banner"], h1, h2, h3, h4, h5, h6');
    if (!own) continue;
    const words = t.text.split(/[，,]\s*(?:还剩|剩余)/)[0]!;
    if (statusOfText(words, kind, statuses) === 'UNKNOWN') continue;
    if (found !== undefined && statusOfText(found, kind, statuses) !== statusOfText(words, kind, statuses))
      return undefined;
    found ??= words;
  }
  return found;
}

const TIME_STAMP = /^\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日? \d{1,2}:\d{2}(:\d{2})?$/;
/** The most recent history entries kept for a case. */
export const MAX_HISTORY = 200;

/** 协商历史: entries start at a time stamp; the actor is the short piece after it. Buyer words stay words. */
function readHistory(tokens: Token[], at: number[], now: number): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  let cur: HistoryEntry | undefined;
  for (const i of at) {
    const text = tokens[i]!.text;
    const when = TIME_STAMP.test(text) ? parseChinaTime(text, now) : undefined;
    if (when && isPlausiblePast(when, now)) {
      if (cur) out.push(cur);
      cur = { at: when, actor: '', text: '' };
    } else if (cur) {
      if (!cur.actor && text.length <= 6) cur.actor = text;
      else if (cur.text.length < 2000) cur.text = (cur.text ? `${cur.text} ${text}` : text).slice(0, 2000);
    }
  }
  if (cur) out.push(cur);
  return out
    .filter((h) => h.text || h.actor)
    .slice(-MAX_HISTORY)
    .map((h) => {
      // Who acted and what happened, as data: the engine never reads the page's wording.
      const by = historyActor(h.actor);
      const event = historyEvent(by, h.text);
      return { ...h, ...(by ? { by } : {}), ...(event ? { event } : {}) };
    });
}

/** The case id the page's address names (`detail?disputeId=…`), its own key. */
export function idFromUrl(url: string): string | undefined {
  return /[?&#](?:disputeId|refundId|disputeID)=(\d{5,24})(?:&|$|#)/.exec(url)?.[1];
}

function pairsOf(tokens: Token[], at: number[]): Said {
  const said = newSaid();
  // Sections are contiguous runs of tokens but for their headings: read each run.
  let start = 0;
  for (let k = 1; k <= at.length; k++) {
    if (k === at.length || at[k] !== at[k - 1]! + 1) {
      readPairs(tokens, at[start]!, at[k - 1]! + 1, said);
      start = k;
    }
  }
  return said;
}

/**
 * A detail page may split its countdown sentence over several elements (您还有 <b>2时18分</b> 处理…):
 * each piece with a time unit is read with the two pieces either side of it.
 */
function countdownWindows(text: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++)
    if (mayBeCountdown(text[i]!)) out.push(text.slice(Math.max(0, i - 2), i + 3).join(' '));
  return out;
}

export interface DetailRead {
  snapshot?: CaseSnapshot;
  missing: string[];
  /** Where each field came from (for the support tool). */
  from?: Record<string, string>;
}

export function readDetail(
  tokens: Token[],
  page: PageKind,
  platform: CaseSnapshot['platform'],
  url: string,
  now: number,
  statuses?: TaughtStatuses,
): DetailRead {
  const sections = splitSections(tokens);
  const mainSaid = pairsOf(tokens, sections.main);
  const main = settle(mainSaid);
  const logistics = settle(pairsOf(tokens, sections.logistics)).bag;
  const bag = main.bag;
  const drift = main.drift;
  if (logistics.carrier || logistics.logisticsNumber) {
    bag.carrier = logistics.carrier;
    bag.logisticsNumber = logistics.logisticsNumber;
    bag.logisticsState = logistics.logisticsState;
    bag.returnShippedAt = logistics.returnShippedAt;
  }
  bag.returnFrom ??= logistics.returnFrom;
  const bodyId = bag.disputeId?.match(/^([A-Za-z]{0,6}\d{5,24})(?![\dA-Za-z])/)?.[1];
  const urlId = idFromUrl(url);
  const id = urlId ?? bodyId;
  // The address names the case, but only a page that shows it is read (not one still loading, or
  // one that says the case does not exist).
  const shown =
    bodyId !== undefined || bag.status !== undefined || bag.orderId !== undefined || bag.refundFen !== undefined;
  if (!id || !shown) return { missing: ['退款编号'] };
  if (urlId && bodyId && urlId !== bodyId)
    drift.push(`退款编号：页面显示 ${bodyId}，与地址中的 ${urlId} 不同，以地址为准`);
  const from: Record<string, string> = {
    ...mainSaid.from,
    disputeId: urlId ? 'address disputeId=' : (mainSaid.from.disputeId ?? ''),
  };
  if (bag.status === undefined) {
    bag.status = statusFromHeading(tokens, sections.main, page, statuses);
    if (bag.status !== undefined) from.status = 'heading';
  }
  const idLabel = tokens.find((t) => t.label?.field === 'disputeId' && !t.free)?.label?.label;
  const own = sections.main.filter((i) => !tokens[i]!.free);
  const ownText = own.map((i) => tokens[i]!.text);
  const snap = resolveCase(
    toSnapshot({
      page,
      platform,
      id,
      idLabel,
      bag,
      drift,
      flags: readFlags(tokens, 0, 0),
      typePieces: ownText,
      countdownTexts: countdownWindows(ownText),
      now,
      ...(statuses ? { statuses } : {}),
    }),
    now,
  );
  for (const i of sections.main) {
    const t = tokens[i]!;
    if (!t.free) readFlags(tokens, i, i + 1, snap.flags);
  }
  if (logistics.signedAt && snap.returnLogistics) {
    const s = parseChinaTime(logistics.signedAt, now);
    if (s && isPlausiblePast(s, now)) snap.returnLogistics.signedAt = s;
  }
  const history = readHistory(tokens, sections.history, now);
  if (history.length) snap.history = history;
  return { snapshot: snap, missing: [], from };
}
