// The trust model (lib/page/pairs.ts), field by field: a fact the page states twice with two meanings
// is left out with a note for staff; the same fact in two forms (¥128 / 128.00元, an id with spaces, a
// status with its countdown) stands; buyer text never contradicts anything and is cut visibly.
import { describe, expect, it } from 'vitest';
import {
  isClockAfterDate,
  isTimeField,
  joinFree,
  MAX_FREE_TEXT,
  newSaid,
  settle,
  state,
} from '../../../lib/page/pairs';
import type { LabelField } from '../../../lib/page/vocabulary';

/** State each value in turn for one field, and settle: what the page is taken to say, and the notes. */
function stated(field: LabelField, ...values: string[]) {
  const said = newSaid();
  values.forEach((v, i) => state(said, field, v, `label ${i}`));
  const { bag, drift } = settle(said);
  return { value: bag[field], drift, from: said.from[field] };
}

describe('one fact stated twice', () => {
  it.each<[LabelField, string, string]>([
    ['refundFen', '¥128.00', '128.00元'],
    ['paidFen', '¥1,299.00', '¥1299'],
    ['postageFen', '¥10', '10.00元'],
    ['disputeId', '287140000008050', '2871 4000 0008 050'],
    ['orderId', '3491483612000010007', '订单 3491483612000010007'],
    ['itemId', '6001', 'ID:6001'],
    ['appliedAt', '2026-11-20 13:05', '2026/11/20 13:05'],
    ['paidAt', '2026-11-20 13:05', '2026年11月20日13:05'],
    ['shippedAt', '2026-11-20 13:05', '2026-11-20 13:05'],
    ['signedAt', '2026-11-21 09:00', '2026.11.21 09:00'],
    ['returnShippedAt', '2026-11-21 09:00', '2026-11-21 09:00'],
    ['status', '退款待处理', '退款待处理，还剩1天3时'],
    ['status', '退款待处理', '退款待处理， 剩余 2天'],
    ['status', '退款待处理,', '退款待处理 已超时'],
    ['refundType', '仅退款', '仅 退款'],
  ])('%s: %s and %s agree, the first is kept', (field, a, b) => {
    const r = stated(field, a, b);
    expect(r.value).toBe(a);
    expect(r.drift).toEqual([]);
    expect(r.from).toBe('label 0');
  });

  it.each<[LabelField, string, string, string]>([
    ['refundFen', '¥128.00', '¥12.80', '退款金额'],
    ['postageFen', '¥10', '¥12', '邮费金额'],
    ['disputeId', '287140000008050', '287140000008051', '退款编号'],
    ['orderId', '3491483612000010007', '3491483612000010008', '订单编号'],
    ['appliedAt', '2026-11-20 13:05', '2026-11-20 13:06', '申请时间'],
    ['status', '退款待处理', '退款成功', '售后状态'],
    ['refundType', '仅退款', '退货退款', '退款类型'],
  ])('%s: %s and %s disagree: left out, and said (%s)', (field, a, b, label) => {
    const r = stated(field, a, b);
    expect(r.value).toBeUndefined();
    expect(r.from).toBe('conflict');
    expect(r.drift).toEqual([`${label}：页面上有两个不同的值，未采用`]);
  });

  it('a field without a label of its own is named by its key in the note', () =>
    expect(stated('itemId', '6001', '6002').drift).toEqual(['itemId：页面上有两个不同的值，未采用']));

  it('two statuses the vocabulary cannot read are not taken to agree', () => {
    expect(stated('status', '处理中', '进行中').value).toBeUndefined();
  });

  it('buyer text never contradicts: the first stands, whatever comes after', () => {
    for (const f of ['buyer', 'reason', 'item', 'description', 'remark', 'sku'] as LabelField[])
      expect(stated(f, '质量问题', '不想要了')).toEqual({ value: '质量问题', drift: [], from: 'label 0' });
  });

  it('an empty value and the page’s actions are not stated', () => {
    expect(stated('refundFen', '', '¥5').value).toBe('¥5');
    expect(stated('actions', '同意退款').value).toBeUndefined();
  });

  it('three statements: one disagreeing voids the field, once', () => {
    const r = stated('refundFen', '¥5', '¥5.00', '¥6');
    expect(r.value).toBeUndefined();
    expect(r.drift).toHaveLength(1);
  });

  it('other fields stand beside a voided one', () => {
    const said = newSaid();
    state(said, 'refundFen', '¥5', 'a');
    state(said, 'refundFen', '¥6', 'b');
    state(said, 'disputeId', '287140000008050', 'c');
    expect(settle(said).bag).toEqual({ disputeId: '287140000008050' });
  });
});

describe('pieces of a value', () => {
  it('a date and a time of day in their own elements are one instant', () => {
    expect(isClockAfterDate('2026-11-21', '22:08')).toBe(true);
    expect(isClockAfterDate('2026-11-21', '22:08:51')).toBe(true);
    expect(isClockAfterDate('2026-11-21', '9:08')).toBe(true);
    expect(isClockAfterDate('2026-11-21 10:00', '22:08')).toBe(false);
    expect(isClockAfterDate('2026-11-21', '22:08 发货')).toBe(false);
    expect(isClockAfterDate('2026-11-21', '还剩 22:08')).toBe(false);
    expect(isClockAfterDate('2026-11-21', '22:8')).toBe(false);
  });

  it.each<[LabelField, boolean]>([
    ['appliedAt', true],
    ['paidAt', true],
    ['shippedAt', true],
    ['signedAt', true],
    ['returnShippedAt', true],
    ['refundFen', false],
    ['status', false],
  ])('%s holds an instant: %s', (f, time) => expect(isTimeField(f)).toBe(time));

  it('buyer text is joined with spaces and cut visibly at its limit', () => {
    expect(joinFree(['质量问题', '有划痕'])).toBe('质量问题 有划痕');
    const exact = 'a'.repeat(MAX_FREE_TEXT);
    expect(joinFree([exact])).toBe(exact);
    const long = joinFree(['a'.repeat(MAX_FREE_TEXT + 1)]);
    expect(long).toHaveLength(MAX_FREE_TEXT);
    expect(long.endsWith('a…')).toBe(true);
  });
});
