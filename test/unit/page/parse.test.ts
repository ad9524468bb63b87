import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  maskBuyer,
  normalizeText,
  parseChinaTime,
  parseCountdown,
  parseDurationMs,
  parseMoneyFen,
} from '../../../lib/page/parse';
import { chinaWallIso, chinaWallToMs, isChinaWall, toChinaIso } from '../../../lib/shared/china-time';

// 2026-11-22 15:00:00 China time
const NOW = chinaWallToMs(2026, 11, 22, 15, 0, 0);

describe('parseMoneyFen', () => {
  it.each([
    ['¥128.00', 12800],
    ['￥12.3', 1230],
    ['12.30元', 1230],
    ['退款金额：¥1,299.00', 129900],
    ['实付 ¥0.50', 50],
    ['¥ 7', 700],
  ])('reads %s as %i fen', (text, fen) => expect(parseMoneyFen(text)).toBe(fen));

  it.each(['', '暂无', '共 12 件', '-¥5.00x'.slice(0, 0)])('has no amount in %j', (text) =>
    expect(parseMoneyFen(text)).toBeUndefined(),
  );
});

describe('parseChinaTime', () => {
  it.each([
    ['2026-11-20 13:05:22', '2026-11-20T13:05:22+08:00'],
    ['2026/11/20 13:05', '2026-11-20T13:05:00+08:00'],
    ['申请时间：2026年11月20日 09:05', '2026-11-20T09:05:00+08:00'],
    ['11-20 13:05', '2026-11-20T13:05:00+08:00'],
  ])('reads %s in China time whatever the machine zone', (text, iso) => expect(parseChinaTime(text, NOW)).toBe(iso));

  it('puts a year-less date in the past year when it would be in the future', () => {
    expect(parseChinaTime('12-30 10:00', NOW)).toBe('2025-12-30T10:00:00+08:00');
  });

  it.each([
    '2026-02-30 10:00',
    '2026-13-01 10:00',
    'abc',
    '13:05',
    '11418520100-11-20 13:05',
    '0100-11-20 13:05',
    '20100-11-20',
    '2026-02-29 10:00',
    '1900-02-29',
    '2026-04-31 08:00',
    '2026-11-20 24:00',
    // A date alone is no instant (never midnight).
    '2026-11-21',
    '2026年11月21日',
  ])('rejects %s', (text) => expect(parseChinaTime(text, NOW)).toBeUndefined());

  it.each([
    ['2028-02-29 10:00', '2028-02-29T10:00:00+08:00'],
    ['2000-02-29 00:00', '2000-02-29T00:00:00+08:00'],
  ])('reads the leap day %s', (text, iso) => expect(parseChinaTime(text, NOW)).toBe(iso));

  it('writes wall-clock fields as the instant they name, and knows the real dates from the calendar', () => {
    const field = (min: number, max: number) => fc.integer({ min, max });
    fc.assert(
      fc.property(
        field(990, 10_010),
        field(0, 13),
        field(0, 32),
        field(0, 24),
        field(0, 60),
        field(0, 60),
        (y, mo, d, h, mi, s) => {
          const ms = Date.UTC(y, mo - 1, d, h, mi, s);
          const back = new Date(ms);
          const real =
            y >= 1000 &&
            y <= 9999 &&
            back.getUTCFullYear() === y &&
            back.getUTCMonth() === mo - 1 &&
            back.getUTCDate() === d &&
            back.getUTCHours() === h &&
            back.getUTCMinutes() === mi &&
            back.getUTCSeconds() === s;
          expect(isChinaWall(y, mo, d, h, mi, s)).toBe(real);
          if (real) expect(chinaWallIso(y, mo, d, h, mi, s)).toBe(toChinaIso(chinaWallToMs(y, mo, d, h, mi, s)));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('formats midnight and month ends in China time', () => {
    expect(toChinaIso(chinaWallToMs(2026, 11, 30, 23, 59, 59))).toBe('2026-11-30T23:59:59+08:00');
    expect(toChinaIso(chinaWallToMs(2026, 12, 1, 0, 0, 0))).toBe('2026-12-01T00:00:00+08:00');
  });
});

describe('parseCountdown', () => {
  const at = (ms: number) => toChinaIso(NOW + ms);
  const H = 3_600_000;
  it.each([
    ['还剩1天3时20分', at(27 * H + 20 * 60_000 + 30_000), undefined],
    ['还剩 2天 5小时，逾期未处理系统将自动同意', at(53 * H), 'auto-agree'],
    ['22小时31分12秒后自动同意', at(22 * H + 31 * 60_000 + 12_000), 'auto-agree'],
    [
      '您还有 3时5分 处理本次退款协议。如果您逾期未响应，视作同意买家申请，系统将自动退款给买家。',
      at(3 * H + 5 * 60_000 + 30_000),
      'auto-refund',
    ],
    ['还剩0时12分，买家逾期未处理将自动关闭', at(12 * 60_000 + 30_000), 'auto-close'],
  ])('reads %s', (text, iso, action) => {
    const cd = parseCountdown(text, NOW);
    expect(cd?.at).toBe(iso);
    expect(cd?.action).toBe(action);
  });

  it('reads 已超时 as due now', () => expect(parseCountdown('已超时', NOW)?.at).toBe(toChinaIso(NOW)));

  it.each(['超时同意退款', '请在 3 天内上传凭证', '退款成功', ''])('finds no countdown in %j', (text) =>
    expect(parseCountdown(text, NOW)).toBeUndefined(),
  );

  it('adds durations in every unit', () => expect(parseDurationMs('1天2小时3分钟4秒')).toBe(93_784_000));
});

describe('normalizeText and maskBuyer', () => {
  it('folds full-width colons, currency and spaces', () =>
    expect(normalizeText('退款金额：\n ￥１２\u3000元')).toBe('退款金额:¥12 元'));
  it.each([
    ['张小雨', '张**'],
    ['张**', '张**'],
    ['tb_8812', 't**2'],
    ['王', '王*'],
    // By character, not by UTF-16 unit: an emoji is never cut in half.
    ['😀', '😀*'],
    ['😀小明', '😀**明'],
    ['ab😀', 'a**😀'],
    ['a😀', 'a**😀'],
    [' 小 ', '小*'],
  ])('masks %s as %s', (name, masked) => expect(maskBuyer(name)).toBe(masked));
});
