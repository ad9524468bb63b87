// What staff see come out of the page's text, pinned case by case (issue 38: the parser's mutation
// score): amounts at their edges, times with and without a year, every countdown form and its limits,
// the auto-action a countdown announces, two countdowns of one case, masked buyer names, and a list
// row's times and countdown as the background works them out.
import { describe, expect, it } from 'vitest';
import {
  countdownsIn,
  isDateOnly,
  isPlausiblePast,
  mayBeCountdown,
  maskBuyer,
  MAX_COUNTDOWN_MS,
  MAX_MONEY_FEN,
  normalizeText,
  oneCountdown,
  parseAutoAction,
  parseChinaTime,
  parseCountdown,
  parseDurationMs,
  parseMoneyFen,
  resolveCase,
} from '../../../lib/page/parse';
import { chinaWallToMs, toChinaIso } from '../../../lib/shared/china-time';
import type { CaseSnapshot } from '../../../lib/shared/types';

// 2026-11-22 15:00:00 China time
const NOW = chinaWallToMs(2026, 11, 22, 15, 0, 0);
const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;
const at = (ms: number) => toChinaIso(NOW + ms);

describe('amounts', () => {
  it.each([
    ['¥0.00', 0],
    ['¥0', 0],
    ['¥1,234,567.00', 123_456_700],
    ['¥9,999,999', 999_999_900],
    ['¥10,000,000.00', MAX_MONEY_FEN],
    ['¥9,999,999.99', MAX_MONEY_FEN - 1],
    ['1,299元', 129_900],
    ['12.5 元', 1250],
    ['$3.07', 307],
    ['¥ 12.05', 1205],
    ['¥.5', undefined],
    ['退款 ¥128.00 （含运费 ¥10.00）', 12_800],
    ['含运费10.00元，共¥88.00', 8800],
  ])('%s → %s fen', (text, fen) => expect(parseMoneyFen(text)).toBe(fen));

  it.each([
    ['¥10,000,000.01', 'over the ceiling'],
    ['¥100,000,000.00', 'over the ceiling'],
    ['¥1234567890123', 'more than 12 digits'],
    ['¥123456789012', 'over the ceiling though 12 digits'],
    ['¥1.234', 'three decimals'],
    ['¥1,2,3', 'separators out of place'],
    ['¥12,34', 'separators out of place'],
    ['¥1234,567', 'separators out of place'],
    ['¥1,2345', 'separators out of place'],
    ['-¥5.00', 'negative'],
    ['¥-5.00', 'negative'],
    ['- ¥5.00', 'negative'],
    ['-5.00元', 'negative'],
    ['五元', 'no figures'],
    ['128', 'no currency'],
  ])('%s has no amount (%s)', (text) => expect(parseMoneyFen(text)).toBeUndefined());

  it('reads a long text in its first 200 characters only', () => {
    expect(parseMoneyFen(`${'说明'.repeat(90)}¥12.00`)).toBe(1200);
    expect(parseMoneyFen(`${'说明'.repeat(100)}¥12.00`)).toBeUndefined();
  });

  it('reads full-width figures and currency', () => expect(parseMoneyFen('￥１２.５０')).toBe(1250));
});

describe('China times', () => {
  it.each([
    ['2026-11-20 13:05:22', '2026-11-20T13:05:22+08:00'],
    ['2026/11/20 13:05', '2026-11-20T13:05:00+08:00'],
    ['2026.11.20 9:05', '2026-11-20T09:05:00+08:00'],
    ['2026年11月20日 13:05', '2026-11-20T13:05:00+08:00'],
    ['2026年11月20日13:05:09', '2026-11-20T13:05:09+08:00'],
    ['申请时间：2026-11-20 13:05', '2026-11-20T13:05:00+08:00'],
    ['11-20 13:05', '2026-11-20T13:05:00+08:00'],
    ['11/20 13:05:07', '2026-11-20T13:05:07+08:00'],
    ['11月20日 13:05', '2026-11-20T13:05:00+08:00'],
    // Within the page's clock skew (10 minutes ahead): this year.
    ['11-22 15:09', '2026-11-22T15:09:00+08:00'],
    ['11-22 15:10', '2026-11-22T15:10:00+08:00'],
    ['2026 年 11 月 20 日 13:05', '2026-11-20T13:05:00+08:00'],
    // Beyond it: last year's.
    ['11-22 15:11', '2025-11-22T15:11:00+08:00'],
    ['11-23 09:00', '2025-11-23T09:00:00+08:00'],
  ])('%s → %s', (text, iso) => expect(parseChinaTime(text, NOW)).toBe(iso));

  it.each([
    '2026-11-20',
    '2026-11-20 25:00',
    '2026-11-20 13:60',
    '11-31 10:00',
    '13-01 10:00',
    '2026-11-20 13:05:60',
    '1-2-11-20 13:05',
    '退款编号 287140000008050',
    '',
  ])('%j names no instant', (text) => expect(parseChinaTime(text, NOW)).toBeUndefined());

  it('takes a year-less 02-29 in a leap year only', () => {
    const in2029 = chinaWallToMs(2029, 3, 1, 12, 0, 0);
    expect(parseChinaTime('02-29 10:00', chinaWallToMs(2028, 3, 1, 12, 0, 0))).toBe('2028-02-29T10:00:00+08:00');
    expect(parseChinaTime('02-29 10:00', in2029)).toBeUndefined();
  });

  it.each([
    ['2026-11-21', true],
    ['2026年11月21日', true],
    ['2026/11/21', true],
    ['签收2026-11-21', true],
    ['2026 年 11 月 21 日', true],
    ['2026-11-21 第1:2批', true],
    ['2026-11-21 10:00', false],
    ['11-21', false],
    ['共 3 件', false],
  ])('%s is a date alone: %s', (text, dateOnly) => expect(isDateOnly(text)).toBe(dateOnly));

  it('a past time is plausible from 2003 up to ten minutes ahead of this clock', () => {
    expect(isPlausiblePast('2003-01-01T00:00:00+08:00', NOW)).toBe(true);
    expect(isPlausiblePast('2002-12-31T23:59:59+08:00', NOW)).toBe(false);
    expect(isPlausiblePast(at(10 * MIN), NOW)).toBe(true);
    expect(isPlausiblePast(at(10 * MIN + 1000), NOW)).toBe(false);
    expect(isPlausiblePast(at(-DAY), NOW)).toBe(true);
  });
});

describe('the auto-action a countdown announces', () => {
  it.each([
    ['超时将自动确认收货', 'auto-confirm'],
    ['逾期系统自动退款', 'auto-refund'],
    ['逾期系统将自动退款', 'auto-refund'],
    ['逾期视作同意买家申请并退款', 'auto-refund'],
    ['逾期将自动同意', 'auto-agree'],
    ['逾期自动达成协议', 'auto-agree'],
    ['逾期视作同意', 'auto-agree'],
    ['逾期自动关闭', 'auto-close'],
    ['逾期退款关闭', 'auto-close'],
    ['逾期将关闭本次退款', 'auto-close'],
    ['逾期自动撤销', 'auto-close'],
    ['请尽快处理', undefined],
  ])('%s → %s', (text, action) => expect(parseAutoAction(text)).toBe(action));
});

describe('durations', () => {
  it.each([
    ['1天3时20分', DAY + 3 * H + 20 * MIN],
    ['2天 5小时', 2 * DAY + 5 * H],
    ['22小时31分12秒', 22 * H + 31 * MIN + 12_000],
    ['72小时', 72 * H],
    ['72时', 72 * H],
    ['1天23时', DAY + 23 * H],
    ['59分59秒', 59 * MIN + 59_000],
    ['45分钟', 45 * MIN],
    ['30秒', 30_000],
    ['３天', 3 * DAY],
    ['0时0分', 0],
  ])('%s → %i ms', (text, ms) => expect(parseDurationMs(text)).toBe(ms));

  it.each([
    ['1天30时', 'more than 23 hours after a day count'],
    ['1天24小时', 'more than 23 hours after a day count'],
    ['99分', 'a minute count past 59'],
    ['60秒', 'a second count past 59'],
    ['1天1天', 'a unit twice'],
    ['20分3时', 'a smaller unit first'],
    ['3时3小时', 'hours twice'],
    ['共 3 件', 'no unit'],
    ['', 'nothing'],
  ])('%s is no duration (%s)', (text) => expect(parseDurationMs(text)).toBeUndefined());
});

describe('countdowns', () => {
  it.each([
    ['还剩1天3时20分', DAY + 3 * H + 20 * MIN + 30_000],
    ['剩余 2天 5小时', 2 * DAY + 5 * H],
    ['还有3时', 3 * H],
    ['剩3天', 3 * DAY],
    ['还剩72小时', 72 * H],
    ['还剩15天', MAX_COUNTDOWN_MS],
    ['还剩14天23时59分59秒', MAX_COUNTDOWN_MS - 1000],
    ['还剩5分', 5 * MIN + 30_000],
    ['还剩5分钟', 5 * MIN + 30_000],
    ['还剩5分10秒', 5 * MIN + 10_000],
    ['还剩0时0分', 30_000],
    ['3时后自动关闭', 3 * H],
    ['3时内系统将自动同意', 3 * H],
    ['3时后将自动确认收货', 3 * H],
  ])('%s is due in %i ms', (text, ms) => expect(parseCountdown(text, NOW)?.at).toBe(at(ms)));

  it.each([
    ['还剩15天1秒', 'beyond the platform’s longest window'],
    ['还剩16天', 'beyond the platform’s longest window'],
    ['还剩1天30时', 'no duration'],
    ['请在3天内处理', 'no countdown words'],
    ['3时后处理', 'no 自动 after it'],
    ['剩余', 'no figures'],
  ])('%s is no countdown (%s)', (text) => expect(parseCountdown(text, NOW)).toBeUndefined());

  it('keeps the countdown’s own words, and the action said right after it, not one far along the text', () => {
    const cd = parseCountdown('  还剩1天3时，逾期将自动关闭', NOW);
    expect(cd).toEqual({ at: at(DAY + 3 * H), text: '还剩1天3时', action: 'auto-close' });
    expect(parseCountdown('还剩1天 后处理', NOW)?.text).toBe('还剩1天');
    const far = parseCountdown(`还剩1天，${'请及时处理'.repeat(30)}自动关闭`, NOW);
    expect(far?.action).toBeUndefined();
    expect(far && 'action' in far).toBe(false);
  });

  it('finds every countdown in a text, in both forms', () => {
    expect(countdownsIn('还剩1天 / 还剩2天，3时后自动关闭', NOW).map((c) => c.at)).toEqual([
      at(DAY),
      at(2 * DAY),
      at(3 * H),
    ]);
  });

  it('reads a countdown text in its first 300 characters only', () => {
    expect(countdownsIn(`${'。'.repeat(280)}还剩1天`, NOW)).toHaveLength(1);
    expect(countdownsIn(`${'。'.repeat(300)}还剩1天`, NOW)).toEqual([]);
  });

  it.each([
    ['超时', true],
    ['已超时', true],
    ['买家 已超时', true],
    ['买家，已超时', true],
    ['超时同意退款', false],
    ['超时赔付', false],
    ['买家超时', false],
  ])('%s is overdue: %s', (text, overdue) =>
    expect(parseCountdown(text, NOW)?.at).toBe(overdue ? toChinaIso(NOW) : undefined),
  );

  it('an overdue countdown keeps the action it announces, and says 已超时', () => {
    expect(parseCountdown('已超时，系统将自动退款', NOW)).toEqual({
      at: toChinaIso(NOW),
      text: '已超时',
      action: 'auto-refund',
    });
    expect(parseCountdown('已超时', NOW)).toEqual({ at: toChinaIso(NOW), text: '已超时' });
    // A countdown beside 已超时 is the countdown.
    expect(parseCountdown('已超时 还剩1天', NOW)?.at).toBe(at(DAY));
  });

  it('a text may hold a countdown only when it names a unit', () => {
    expect(mayBeCountdown('还剩1天')).toBe(true);
    expect(mayBeCountdown('超时')).toBe(true);
    expect(mayBeCountdown('分')).toBe(true);
    expect(mayBeCountdown('秒')).toBe(true);
    expect(mayBeCountdown('退款成功')).toBe(false);
  });
});

describe('one countdown from a case’s texts', () => {
  it('two that name the same minute agree; the first is kept, with an action either announces', () => {
    expect(oneCountdown(['还剩1天3时20分', '还剩1天3时19分，逾期自动关闭'], NOW)).toEqual({
      countdown: { at: at(DAY + 3 * H + 20 * MIN + 30_000), text: '还剩1天3时20分', action: 'auto-close' },
    });
    expect(oneCountdown(['还剩1天3时20分，逾期自动同意', '还剩1天3时19分，逾期自动关闭'], NOW).countdown?.action).toBe(
      'auto-agree',
    );
  });

  it('two minutes apart still agree; more is two countdowns, and none is taken', () => {
    expect(oneCountdown(['还剩1时0分0秒', '还剩1时2分0秒'], NOW).countdown?.at).toBe(at(H));
    expect(oneCountdown(['还剩1时0分0秒', '还剩1时2分1秒'], NOW)).toEqual({ disagree: true });
    expect(oneCountdown(['还剩1时2分1秒', '还剩1时0分0秒'], NOW)).toEqual({ disagree: true });
  });

  it('no countdown in any text is none', () => expect(oneCountdown(['退款成功', ''], NOW)).toEqual({}));
});

describe('buyer names and text', () => {
  it.each([
    ['', ''],
    ['\u200b', ''],
    ['张\u202e小雨', '张**'],
    ['  tb_8812 ', 't**2'],
    ['ab', 'a**b'],
    ['a😀', 'a**😀'],
    ['ab\u{10000}', 'a**\u{10000}'],
    ['ab\u{10FFFF}', 'a**\u{10FFFF}'],
    ['ab\uE000', 'a**\uE000'],
    ['a\uDC00', 'a**\uDC00'],
    // A long name is read in its first 200 characters: its last character is the 200th.
    [`a${'b'.repeat(250)}z`, 'a**b'],
    [`张${'小'.repeat(300)}`, '张**'],
  ])('%j is stored as %j', (name, masked) => expect(maskBuyer(name)).toBe(masked));

  it.each([
    ['退款金额：¥12', '退款金额:¥12'],
    ['退款金额 : ¥12', '退款金额:¥12'],
    ['退款金额 :¥12', '退款金额:¥12'],
    ['a\tb', 'a b'],
    ['a  b', 'a b'],
    [' a', 'a'],
    ['a ', 'a'],
    ['ａｂｃ１２３', 'abc123'],
    ['a\u00a0b', 'a b'],
    ['plain text', 'plain text'],
    ['退款', '退款'],
  ])('%j reads as %j', (text, out) => expect(normalizeText(text)).toBe(out));
});

describe('a list row worked out as of its reading', () => {
  const row = (unparsed: CaseSnapshot['unparsed']): CaseSnapshot =>
    ({ platform: 'taobao', disputeId: '287140000008050', kind: 'refund', flags: {}, unparsed }) as CaseSnapshot;

  it('takes the times it can, and notes a date without a time', () => {
    const c = resolveCase(
      row({
        times: {
          appliedAt: '2026-11-20 13:05',
          paidAt: '2026-11-18',
          shippedAt: '2026-11-21 08:00',
          signedAt: '11-21 09:00',
        },
        countdown: ['还剩1天'],
      }),
      NOW,
    );
    expect(c.appliedAt).toBe('2026-11-20T13:05:00+08:00');
    expect(c.paidAt).toBeUndefined();
    expect(c.shippedAt).toBe('2026-11-21T08:00:00+08:00');
    expect(c.signedAt).toBe('2026-11-21T09:00:00+08:00');
    expect(c.pageDeadline?.at).toBe(at(DAY));
    expect(c.drift).toEqual(['付款时间：页面只显示日期，没有时刻，未采用']);
    expect('unparsed' in c).toBe(false);
  });

  it('leaves out a time after this clock, without a note', () => {
    const c = resolveCase(row({ times: { signedAt: '2026-11-23 10:00' } }), NOW);
    expect(c.signedAt).toBeUndefined();
    expect(c.drift).toBeUndefined();
  });

  it('names each time it left out for want of a time of day', () => {
    const c = resolveCase(row({ times: { appliedAt: '2026-11-20', shippedAt: '2026-11-21' } }), NOW);
    expect(c.drift).toEqual([
      '申请时间：页面只显示日期，没有时刻，未采用',
      '发货时间：页面只显示日期，没有时刻，未采用',
    ]);
    expect('pageDeadline' in c).toBe(false);
    expect(resolveCase(row({ countdown: ['还剩1天', '还剩3天'] }), NOW).drift).toEqual([
      '倒计时：页面上有两个不同的倒计时，改用规则估算',
    ]);
  });

  it('says so when its countdowns disagree, and takes none', () => {
    const c = resolveCase(row({ times: { signedAt: '2026-11-21' }, countdown: ['还剩1天', '还剩3天'] }), NOW);
    expect(c.pageDeadline).toBeUndefined();
    expect(c.drift).toEqual([
      '签收时间：页面只显示日期，没有时刻，未采用',
      '倒计时：页面上有两个不同的倒计时，改用规则估算',
    ]);
  });

  it('a row with nothing to work out is as it was', () => {
    const plain = { platform: 'taobao', disputeId: '1', kind: 'refund', flags: {} } as CaseSnapshot;
    expect(resolveCase(plain, NOW)).toBe(plain);
    const empty = resolveCase(row({}), NOW);
    expect(empty.drift).toBeUndefined();
    expect(empty.pageDeadline).toBeUndefined();
  });
});
