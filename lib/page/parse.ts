/**
 * Text → value parsers for what the seller backend shows: money, China-time stamps and the
 * platform's countdowns. Pure: `now` is passed in where a reading needs it.
 */
import type { AutoAction, CaseSnapshot, TimeField } from '../shared/types';
import { chinaWallIso, chinaWallToMs, chinaYear, DAY_MS, HOUR_MS, isChinaWall, toChinaIso } from '../shared/china-time';

/** Taobao's after-sales began in 2003: an earlier time is a misread. */
const EARLIEST_MS = Date.parse('2003-01-01T00:00:00+08:00');
/** How far a page's clock may run ahead of ours. */
const CLOCK_SKEW_MS = 10 * 60_000;

const FOLD = /[\uFF01-\uFF5E\uFFE5\u3000\u00A0]/g;
const FOLD_TEST = /[\uFF01-\uFF5E\uFFE5\u3000\u00A0]/;
const fold = (ch: string) =>
  ch === '\uFFE5' ? '¥' : ch === '\u3000' || ch === '\u00A0' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0);

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
 * The largest amount a case can plausibly carry: ¥10,000,000.00. A larger figure on a seller page is
 * buyer text or a misread, and is left missing rather than cut to size.
 */
export const MAX_MONEY_FEN = 1_000_000_000;

/**
 * Money → integer fen. Accepts ¥128.00, ￥12.3, 12.30元, 1,299.00 and full-width digits; the whole
 * number is read with its sign. Undefined when there is no amount, it is negative, or it is beyond
 * MAX_MONEY_FEN (never truncated).
 */
export function parseMoneyFen(text: string): number | undefined {
  // Bounded input: an amount is short; a long text is read only in its first 200 characters.
  const t = normalizeText(text.length > 200 ? text.slice(0, 200) : text);
  const m = t.match(/(-?)\s*[¥$]\s*(-?)\s*(\d[\d,]*)(?:\.(\d+))?/) ?? t.match(/(-?)()(\d[\d,]*)(?:\.(\d+))?\s*元/);
  if (!m || m[3] === undefined) return undefined;
  if (m[1] || m[2]) return undefined;
  const whole = m[3];
  // Thousands separators only in their places (1,299 or 12,345,678), never 1,2,3.
  if (whole.includes(',') && !/^\d{1,3}(?:,\d{3})+$/.test(whole)) return undefined;
  const digits = whole.replaceAll(',', '');
  const cents = m[4] ?? '';
  if (cents.length > 2 || digits.length > 12) return undefined;
  const fen = Number(digits) * 100 + Number(cents.padEnd(2, '0') || 0);
  return Number.isSafeInteger(fen) && fen >= 0 && fen <= MAX_MONEY_FEN ? fen : undefined;
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
    const y = +m[1]!,
      mo = +m[2]!,
      d = +m[3]!,
      h = +m[4]!,
      mi = +m[5]!,
      s = m[6] ? +m[6] : 0;
    return isChinaWall(y, mo, d, h, mi, s) ? chinaWallIso(y, mo, d, h, mi, s) : undefined;
  }
  // Nor is a month-day that ends a longer run of digits and dashes (…0100-11-20).
  m = t.match(/(?<![\d./-])(\d{1,2})[-/月](\d{1,2})日?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/);
  if (m) {
    const mo = +m[1]!,
      d = +m[2]!,
      h = +m[3]!,
      mi = +m[4]!,
      s = m[5] ? +m[5] : 0;
    let y = chinaYear(now);
    if (chinaWallToMs(y, mo, d, h, mi, s) > now + CLOCK_SKEW_MS) y -= 1;
    return isChinaWall(y, mo, d, h, mi, s) ? chinaWallIso(y, mo, d, h, mi, s) : undefined;
  }
  // A date alone names no instant: it is never stored as midnight (callers note it as missing).
  return undefined;
}

/** A date with no time of day (2026-11-21, 2026年11月21日): not an instant, so never read as one. */
export const isDateOnly = (text: string): boolean =>
  /(?<!\d)\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/.test(text) && !/\d:\d{2}/.test(text);

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
// At most four parts (天 时 分 秒): a bounded repetition keeps every match linear in the text's length.
const DURATION = String.raw`(?:\d{1,4}\s*${UNIT}\s*){1,4}`;
const COUNTDOWN_PATTERNS = [
  new RegExp(String.raw`(?:还剩|剩余|还有|剩)\s*(${DURATION})`),
  new RegExp(String.raw`(${DURATION})\s*(?:后|内)\s*(?:系统)?(?:将)?自动`),
];

/** Milliseconds of a duration such as 1天3时20分, 2天 5小时, 22小时31分12秒. */
export function parseDurationMs(text: string): number | undefined {
  return durationMsIn(normalizeText(text));
}

const UNIT_RANK: Record<string, number> = { 天: 4, 小时: 3, 时: 3, 分钟: 2, 分: 2, 秒: 1 };

function durationMsIn(t: string): number | undefined {
  let total = 0;
  let rank = 5;
  let days = false;
  const re = /(\d{1,4})\s*(天|小时|时|分钟|分|秒)/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const n = Number(m[1]);
    const unit = m[2]!;
    // Each unit once, largest first (1天3时20分), and a clock's parts in their ranges: 1天1天,
    // 20分3时, 99分 or 30时 after a day count are no countdown.
    if (UNIT_RANK[unit]! >= rank) return undefined;
    rank = UNIT_RANK[unit]!;
    if (unit === '天') days = true;
    else if ((unit === '小时' || unit === '时') && days && n > 23) return undefined;
    else if (unit !== '小时' && unit !== '时' && n > 59) return undefined;
    total +=
      unit === '天'
        ? n * DAY_MS
        : unit === '小时' || unit === '时'
          ? n * HOUR_MS
          : unit === '秒'
            ? n * 1000
            : n * 60_000;
  }
  return rank < 5 ? total : undefined;
}

const COUNTDOWN_UNIT = /[天时分秒]/;

/** Whether a text may hold a countdown: every countdown names a unit, and 超时 has 时 too. */
export const mayBeCountdown = (text: string): boolean => COUNTDOWN_UNIT.test(text);

/**
 * The longest window the platform gives any party (买家退货 / 商家收货 are 7 to 10 days; 15 with a
 * 延长收货): a "countdown" beyond it is not the platform's.
 */
export const MAX_COUNTDOWN_MS = 15 * DAY_MS;

/** Countdown text is short: only its first 300 characters are looked at. */
const MAX_COUNTDOWN_TEXT = 300;

export interface Countdown {
  /** Absolute instant (ISO +08:00): reading time + duration shown. */
  at: string;
  action?: AutoAction;
  text: string;
}

const COUNTDOWN_PATTERNS_ALL = COUNTDOWN_PATTERNS.map((re) => new RegExp(re.source, 'g'));
const OVERDUE = /^(?:已)?超时(?!同意|赔付)|(?:^|[，,\s])已超时/;

/**
 * Every platform countdown in a piece of text: 还剩1天3时20分, 剩余 2天 5小时, 22小时31分12秒后自动同意,
 * 您还有 1天3时 处理…, or 超时 / 已超时 (due now). Each is an absolute instant, with the action the
 * words right after it announce. Durations beyond the platform's longest window are none.
 */
export function countdownsIn(text: string, now: number): Countdown[] {
  if (!mayBeCountdown(text)) return [];
  const t = normalizeText(text.length > MAX_COUNTDOWN_TEXT ? text.slice(0, MAX_COUNTDOWN_TEXT) : text);
  const found: Countdown[] = [];
  for (const re of COUNTDOWN_PATTERNS_ALL) {
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      let ms = m[1] ? durationMsIn(m[1]) : undefined;
      if (ms === undefined || ms > MAX_COUNTDOWN_MS) continue;
      // A countdown shown to the minute is somewhere within that minute: take its middle, so our
      // clock reads the same minute as the page's. Coarser ones are floored (never later than shown).
      if (m[1]!.includes('分') && !m[1]!.includes('秒')) ms += 30_000;
      // The action is announced right after the countdown, not anywhere on the page.
      const action = autoActionIn(t.slice(m.index, m.index + 120));
      found.push({ at: toChinaIso(now + ms), text: m[0].trim(), ...(action ? { action } : {}) });
    }
  }
  if (!found.length && OVERDUE.test(t)) {
    const action = autoActionIn(t);
    found.push({ at: toChinaIso(now), text: '已超时', ...(action ? { action } : {}) });
  }
  return found;
}

/** The first platform countdown in a piece of text (see `countdownsIn`), or undefined. */
export function parseCountdown(text: string, now: number): Countdown | undefined {
  return countdownsIn(text, now)[0];
}

/** Two readings of one countdown agree when they name the same minute (the page ticks between them). */
const SAME_COUNTDOWN_MS = 2 * 60_000;

/**
 * The one countdown a case's countdown texts state: undefined when they state none, or several
 * that disagree (then the rule estimate stands, and `drift` says why).
 */
export function oneCountdown(texts: readonly string[], now: number): { countdown?: Countdown; disagree?: boolean } {
  let one: Countdown | undefined;
  for (const text of texts) {
    for (const cd of countdownsIn(text, now)) {
      if (!one) one = cd;
      else if (Math.abs(Date.parse(cd.at) - Date.parse(one.at)) > SAME_COUNTDOWN_MS) return { disagree: true };
      else if (!one.action && cd.action) one = { ...one, action: cd.action };
    }
  }
  return one ? { countdown: one } : {};
}

/** Mask a buyer's nick or name for storage: 张小雨 → 张**, tb_8812 → t**2. */
export function maskBuyer(name: string): string {
  // Control and formatting characters (bidi overrides, zero-width joiners) are not part of a name.
  const t = normalizeText(name.length > 200 ? name.slice(0, 200) : name).replace(/[\p{Cc}\p{Cf}]/gu, '');
  if (!t) return '';
  // By code point (an emoji is one character), without splitting the whole name.
  const first = String.fromCodePoint(t.codePointAt(0)!);
  if (first.length === t.length) return `${first}*`;
  if (/[\u4e00-\u9fff]/.test(first)) return `${first}**`;
  const low = t.charCodeAt(t.length - 1);
  const last = low >= 0xdc00 && low <= 0xdfff && t.length - 2 >= first.length ? t.slice(-2) : t.slice(-1);
  return `${first}**${last}`;
}

/** Whether a time a case has already passed (applied, paid, shipped, signed) can be true as of `now`. */
export function isPlausiblePast(iso: string, now: number): boolean {
  const t = Date.parse(iso);
  return t >= EARLIEST_MS && t <= now + CLOCK_SKEW_MS;
}

const TIME_LABEL: Record<TimeField, string> = {
  appliedAt: '申请时间',
  paidAt: '付款时间',
  shippedAt: '发货时间',
  signedAt: '签收时间',
};

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
    if (v && isPlausiblePast(v, now)) resolved[f] = v;
    else if (times[f] !== undefined && isDateOnly(times[f]))
      resolved.drift = [...(resolved.drift ?? []), `${TIME_LABEL[f]}：页面只显示日期，没有时刻，未采用`];
  }
  const { countdown, disagree } = oneCountdown(unparsed.countdown ?? [], now);
  if (countdown) resolved.pageDeadline = countdown;
  if (disagree) resolved.drift = [...(resolved.drift ?? []), '倒计时：页面上有两个不同的倒计时，改用规则估算'];
  return resolved;
}
