/**
 * Text → value parsers for what the seller backend shows: money, China-time stamps and the
 * platform's countdowns. Pure: `now` is passed in where a reading needs it.
 */
import type { AutoAction, CaseSnapshot, TimeField } from '../shared/types';
import { chinaWallIso, chinaWallToMs, chinaYear, DAY_MS, HOUR_MS, isChinaWall, toChinaIso } from '../shared/china-time';

const FOLD = /[\uFF01-\uFF5E\uFFE5\u3000\u00A0]/g;
const FOLD_TEST = /[\uFF01-\uFF5E\uFFE5\u3000\u00A0]/;
const fold = (ch: string) => (ch === '\uFFE5' ? '¥' : ch === '\u3000' || ch === '\u00A0' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/** Fold full-width forms and collapse whitespace, so ：/:, ￥/¥ and line breaks read alike. */
/** Anything `normalizeText` would change: full-width forms, odd or doubled whitespace, spaced colons, ends. */
const NEEDS_NORMALIZING = /[\uFF01-\uFF5E\uFFE5\u3000\u00A0]|[^\S ]|\s\s| :|: |^\s|\s$/;

const MAYBE_NORMALIZING = /[\s\uFF01-\uFF5E\uFFE5\u3000\u00A0]/;
export function normalizeText(text: string): string {
  // Hot path (every text node of every read): most pieces need nothing; the rest get only the fixes needed.
  if (!MAYBE_NORMALIZING.test(text) || !NEEDS_NORMALIZING.test(text)) return text;
  let t = text;
  if (t.includes('：')) t = t.replaceAll('：', ':');
  if (t.includes('￥')) t = t.replaceAll('￥', '¥');
  if (FOLD_TEST.test(t)) t = t.replace(FOLD, fold);
  if (/\s\s|[^\S ]/.test(t)) t = t.replace(/\s+/g, ' ');
  if (t.includes(' :') || t.includes(': ')) t = t.replace(/ ?: ?/g, ':');
  return t.trim();
}

/**
 * Money → integer fen. Accepts ¥128.00, ￥12.3, 12.30元, 1,299.00; returns undefined when there is
 * no amount or it is not a plausible price.
 */
export function parseMoneyFen(text: string): number | undefined {
  const t = normalizeText(text).replace(/(\d),(?=\d{3}\b)/g, '$1');
  const m = t.match(/[¥$]\s*(\d{1,9})(?:\.(\d{1,2}))?/) ?? t.match(/(\d{1,9})(?:\.(\d{1,2}))?\s*元/);
  if (!m || m[1] === undefined) return undefined;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0') || 0);
  return Number.isSafeInteger(fen) && fen >= 0 ? fen : undefined;
}

/**
 * A China-time stamp → ISO with +08:00. Accepts 2026-11-20 13:05:22, 2026/11/20 13:05,
 * 2026年11月20日 13:05 and the year-less 11-20 13:05 (the most recent such time not after `now`
 * plus a day).
 */
export function parseChinaTime(text: string, now: number): string | undefined {
  const t = normalizeText(text);
  // A year is four digits of their own: 20100-11-20 is no date, not the year 0100.
  let m = t.match(/(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?/);
  if (m) {
    const y = +m[1]!, mo = +m[2]!, d = +m[3]!, h = +m[4]!, mi = +m[5]!, s = m[6] ? +m[6] : 0;
    return isChinaWall(y, mo, d, h, mi, s) ? chinaWallIso(y, mo, d, h, mi, s) : undefined;
  }
  // Nor is a month-day that ends a longer run of digits and dashes (…0100-11-20).
  m = t.match(/(?<![\d./-])(\d{1,2})[-/月](\d{1,2})日?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/);
  if (m) {
    const mo = +m[1]!, d = +m[2]!, h = +m[3]!, mi = +m[4]!, s = m[5] ? +m[5] : 0;
    let y = chinaYear(now);
    if (chinaWallToMs(y, mo, d, h, mi, s) > now + DAY_MS) y -= 1;
    return isChinaWall(y, mo, d, h, mi, s) ? chinaWallIso(y, mo, d, h, mi, s) : undefined;
  }
  m = t.match(/(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/);
  if (m) {
    const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
    return isChinaWall(y, mo, d) ? chinaWallIso(y, mo, d) : undefined;
  }
  return undefined;
}

const ACTIONS: [RegExp, AutoAction][] = [
  [/自动确认收货/, 'auto-confirm'],
  [/自动退款|系统将?自动退款|视作同意.*退款/, 'auto-refund'],
  [/自动同意|自动达成|视作同意/, 'auto-agree'],
  [/自动关闭|退款关闭|将关闭|自动撤销/, 'auto-close'],
];

/** The auto-action a countdown sentence announces, when it names one. */
export function parseAutoAction(text: string): AutoAction | undefined {
  return autoActionIn(normalizeText(text));
}

function autoActionIn(t: string): AutoAction | undefined {
  for (let i = 0; i < ACTIONS.length; i++) if (ACTIONS[i]![0].test(t)) return ACTIONS[i]![1];
  return undefined;
}

const UNIT = String.raw`(?:天|小时|时|分钟|分|秒)`;
const DURATION = String.raw`(?:\d{1,4}\s*${UNIT}\s*)+`;
const COUNTDOWN_PATTERNS = [
  new RegExp(String.raw`(?:还剩|剩余|还有|剩)\s*(${DURATION})`),
  new RegExp(String.raw`(${DURATION})\s*(?:后|内)\s*(?:系统)?(?:将)?自动`),
];

/** Milliseconds of a duration such as 1天3时20分, 2天 5小时, 22小时31分12秒. */
export function parseDurationMs(text: string): number | undefined {
  return durationMsIn(normalizeText(text));
}

function durationMsIn(t: string): number | undefined {
  let total = 0;
  let found = false;
  const re = /(\d{1,4})\s*(天|小时|时|分钟|分|秒)/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const n = Number(m[1]);
    const unit = m[2];
    total += unit === '天' ? n * DAY_MS : unit === '小时' || unit === '时' ? n * HOUR_MS : unit === '秒' ? n * 1000 : n * 60_000;
    found = true;
  }
  return found ? total : undefined;
}

const COUNTDOWN_UNIT = /[天时分秒]/;

/** Whether a text may hold a countdown: every countdown names a unit, and 超时 has 时 too. */
export const mayBeCountdown = (text: string): boolean => COUNTDOWN_UNIT.test(text);

export interface Countdown {
  /** Absolute instant (ISO +08:00): reading time + duration shown. */
  at: string;
  action?: AutoAction;
  text: string;
}

/**
 * The platform countdown in a piece of text: 还剩1天3时20分, 剩余 2天 5小时, 22小时31分12秒后自动同意,
 * 您还有 1天3时 处理…, or 超时 / 已超时 (due now). Returns undefined when the text has none.
 */
export function parseCountdown(text: string, now: number): Countdown | undefined {
  // Most texts (a status, an amount) need no more than this.
  if (!mayBeCountdown(text)) return undefined;
  const t = normalizeText(text);
  for (let i = 0; i < COUNTDOWN_PATTERNS.length; i++) {
    const m = t.match(COUNTDOWN_PATTERNS[i]!);
    if (m && m[1]) {
      // (Parts of text already normalised are not normalised again.)
      let ms = durationMsIn(m[1]);
      if (ms === undefined) continue;
      // A countdown shown to the minute is somewhere within that minute: take its middle, so our
      // clock reads the same minute as the page's. Coarser ones are floored (never later than shown).
      if (m[1].includes('分') && !m[1].includes('秒')) ms += 30_000;
      // The action is announced right after the countdown, not anywhere on the page.
      const action = autoActionIn(t.slice(m.index ?? 0, (m.index ?? 0) + 120));
      const cd: Countdown = { at: toChinaIso(now + ms), text: m[0].trim() };
      if (action) cd.action = action;
      return cd;
    }
  }
  if (/^(?:已)?超时(?!同意|赔付)/.test(t) || /(?:^|[，,\s])已超时/.test(t)) {
    const action = autoActionIn(t);
    return { at: toChinaIso(now), text: '已超时', ...(action ? { action } : {}) };
  }
  return undefined;
}

/** Mask a buyer's nick or name for storage: 张小雨 → 张**, tb_8812 → t**2. */
export function maskBuyer(name: string): string {
  const t = normalizeText(name);
  if (!t) return '';
  // By code point (an emoji is one character), without splitting the whole name.
  const first = String.fromCodePoint(t.codePointAt(0)!);
  if (first.length === t.length) return `${first}*`;
  if (/[\u4e00-\u9fff]/.test(first)) return `${first}**`;
  const low = t.charCodeAt(t.length - 1);
  const last = low >= 0xdc00 && low <= 0xdfff && t.length - 2 >= first.length ? t.slice(-2) : t.slice(-1);
  return `${first}**${last}`;
}

/** The time fields a row may show, in the order they are read. */
export const TIME_FIELDS: readonly TimeField[] = ['appliedAt', 'paidAt', 'shippedAt', 'signedAt'];

/**
 * A case with its times and countdown worked out from the text the page showed (`unparsed`), read
 * at `now`: what `readPage` returns, and what the background makes of a list's cases.
 */
export function resolveCase(c: CaseSnapshot, now: number): CaseSnapshot {
  if (!c.unparsed) return c;
  const { unparsed, ...resolved } = c;
  const times = unparsed.times ?? {};
  for (let i = 0; i < TIME_FIELDS.length; i++) {
    const f = TIME_FIELDS[i]!;
    const v = times[f] !== undefined ? parseChinaTime(times[f], now) : undefined;
    if (v) resolved[f] = v;
  }
  const countdown = unparsed.countdown ?? [];
  for (let i = 0; i < countdown.length; i++) {
    const cd = parseCountdown(countdown[i]!, now);
    if (cd) {
      resolved.pageDeadline = cd;
      break;
    }
  }
  return resolved;
}
