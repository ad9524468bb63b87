import { afterEach, describe, expect, it } from 'vitest';
import { problemClass } from '../../../lib/engine/reason';
import { problemTables } from '../../../lib/export/problem-tables';
import { upsertCases } from '../../../lib/storage/cases';
import { createDb, type RadarDB } from '../../../lib/storage/db';
import { loadProblemItems, NO_ITEM, rankProblemItems, weekLine } from '../../../lib/storage/problem-items';
import type { CaseSnapshot } from '../../../lib/shared/types';
import { listSource, snapshotOf } from './snapshots';

const D = 86_400_000;
/** "Now": 2026-12-07 12:00 China time. */
const NOW = Date.parse('2026-12-07T12:00:00+08:00');
const daysAgo = (d: number) => new Date(NOW - d * D).toISOString().replace('Z', '+00:00');

let db: RadarDB;
afterEach(async () => db?.delete());

let n = 0;
const scarf = { item: '羊毛围巾 灰色', itemId: '612345678901' };
const mug = { item: '陶瓷马克杯', itemId: '612345678902' };
/** A case applied for `d` days ago. */
const at = (d: number, patch: Partial<CaseSnapshot>) =>
  snapshotOf(String(100000 + ++n), { appliedAt: daysAgo(d), ...patch });

/** The ledger: scarf mostly quality (some read without the item link), mug, a case without any item. */
async function ledger(name: string) {
  db = createDb(name);
  const cases = [
    // This week: scarf 4 quality (one without its id, one refunded), 1 size; mug 2 not as described.
    at(1, { ...scarf, reason: '质量问题', status: 'SUCCESS', statusText: '退款成功', refundFen: 8900 }),
    at(2, { ...scarf, reason: '掉色严重' }),
    at(3, { item: '羊毛围巾  灰色', reason: '做工差，开线' }),
    at(4, { ...scarf, reason: '有瑕疵' }),
    at(5, { ...scarf, reason: '尺码不对' }),
    at(2, { ...mug, reason: '与描述不符' }),
    at(6, { ...mug, reason: '颜色与描述不符', status: 'SUCCESS', statusText: '退款成功', refundFen: 3900 }),
    at(3, { reason: '不想要了' }),
    // The week before: scarf 1 quality; mug 3 (one broken in transit).
    at(8, { ...scarf, reason: '质量问题' }),
    at(9, { ...mug, reason: '与描述不符' }),
    at(10, { ...mug, reason: '商品破损' }),
    at(12, { ...mug, reason: '少件' }),
    // Earlier this month: a 30-day window's only.
    at(20, { item: '帆布包', reason: '拍错/多拍/不想要' }),
    at(45, { ...scarf, reason: '质量问题' }),
  ];
  await upsertCases(db, cases, listSource(new Date(NOW - D / 2).toISOString()));
  return (await db.cases.toArray()).filter(() => true);
}

describe('problemClass', () => {
  it.each([
    ['质量问题', 'quality'],
    ['掉色严重', 'quality'],
    ['与描述不符', 'not-as-described'],
    ['尺寸与描述不符', 'not-as-described'],
    ['尺码不合适', 'fit'],
    ['尺码不对', 'fit'],
    ['少件/漏发', 'missing'],
    ['发错货', 'missing'],
    ['商品破损', 'damaged'],
    ['不喜欢/不想要', 'dislike'],
    ['7天无理由退换货', 'dislike'],
    ['未收到货', 'other'],
    [undefined, 'other'],
  ] as const)('%s → %s', (reason, cls) => expect(problemClass(reason)).toBe(cls));
});

describe('问题商品', () => {
  it('ranks the week by cases, by class, against the week before, with the money refunded', async () => {
    const records = await ledger('problem-week');
    const week = rankProblemItems(records, NOW, 7);
    expect(week.items.map((i) => [i.title, i.count, i.previous])).toEqual([
      ['羊毛围巾 灰色', 5, 1],
      ['陶瓷马克杯', 2, 3],
      [NO_ITEM, 1, 0],
    ]);
    const [s, m] = week.items;
    expect(s!.byClass).toMatchObject({ quality: 4, fit: 1, 'not-as-described': 0 });
    expect(s!.previousByClass.quality).toBe(1);
    expect(s!.topClass).toBe('quality');
    expect(s!.refundedFen).toBe(8900);
    expect(s!.link).toBe('https://item.taobao.com/item.htm?id=612345678901');
    expect(m!.byClass['not-as-described']).toBe(2);
    expect(m!.previousByClass).toMatchObject({ 'not-as-described': 1, damaged: 1, missing: 1 });
    expect(m!.refundedFen).toBe(3900);
    // Its cases, newest first.
    expect(s!.cases.map((c) => c.reason)).toEqual(['质量问题', '掉色严重', '做工差，开线', '有瑕疵', '尺码不对']);
    expect(week.total).toBe(8);
    expect(week.withoutId).toBe(2);
    expect(weekLine(week)).toBe('本周问题商品：羊毛围巾 灰色 质量问题 4 单，比上周多 3');
  });

  it('counts a case without an item id by its title, and one without either under 未读到商品', async () => {
    db = createDb('problem-titles');
    await upsertCases(
      db,
      [
        at(1, { item: '帆布包', reason: '质量问题' }),
        at(2, { item: '帆布包', reason: '破损' }),
        at(2, { item: '棉拖鞋', reason: '尺码偏大' }),
        at(3, { reason: '质量问题' }),
      ],
      listSource(new Date(NOW).toISOString()),
    );
    const week = rankProblemItems(await db.cases.toArray(), NOW, 7);
    expect(week.items.map((i) => [i.key, i.count, i.link])).toEqual([
      ['title:帆布包', 2, undefined],
      ['title:棉拖鞋', 1, undefined],
      ['none', 1, undefined],
    ]);
    expect(week.items[1]!.topClass).toBe('fit');
  });

  it('a title read with two ids stays apart from both', () => {
    const rec = (id: string, d: number, itemId?: string) =>
      ({
        ...at(d, { item: '马克杯', reason: '质量问题', ...(itemId ? { itemId } : {}) }),
        key: `taobao:${id}`,
        firstSeenAt: daysAgo(d),
      }) as never;
    const week = rankProblemItems([rec('1', 1, '6001'), rec('2', 1, '6002'), rec('3', 1)], NOW, 7);
    expect(week.items.map((i) => i.key).sort()).toEqual(['id:6001', 'id:6002', 'title:马克杯']);
  });

  it('the 30-day window takes the month, the period before it the month before', async () => {
    const records = await ledger('problem-month');
    const month = rankProblemItems(records, NOW, 30);
    expect(month.items.map((i) => [i.title, i.count, i.previous])).toEqual([
      ['羊毛围巾 灰色', 6, 1],
      ['陶瓷马克杯', 5, 0],
      ['帆布包', 1, 0],
      [NO_ITEM, 1, 0],
    ]);
  });

  it('a week with fewer cases of the main class says so, and an empty week has no line', async () => {
    const records = await ledger('problem-less');
    // A week later, nothing new: the week before holds everything.
    const later = rankProblemItems(records, NOW + 7 * D, 7);
    expect(later.items).toEqual([]);
    expect(weekLine(later)).toBeNull();
    // Five days later, the mug's week holds one 描述不符 (2 days ago), the week before two (6 and 9 days ago).
    const mugOnly = rankProblemItems(
      records.filter((r) => r.itemId === mug.itemId),
      NOW + 5 * D,
      7,
    );
    expect(weekLine(mugOnly)).toBe('本周问题商品：陶瓷马克杯 描述不符 1 单，比上周少 1');
  });

  it('loads both windows from the ledger by the timeline', async () => {
    await ledger('problem-load');
    const both = await loadProblemItems(db, NOW);
    expect(both[7].items[0]!.title).toBe('羊毛围巾 灰色');
    expect(both[30].items.length).toBe(4);
  });

  it('exports the ranking and its cases as two sheets, ids as text, money in yuan', async () => {
    const week = rankProblemItems(await ledger('problem-export'), NOW, 7);
    const [ranking, cases] = problemTables(week);
    expect(ranking!.name).toBe('问题商品 近7天');
    expect(Object.fromEntries(ranking!.header.map((h, i) => [h, ranking!.rows[0]![i]]))).toMatchObject({
      排名: { num: 1 },
      商品: { text: '羊毛围巾 灰色' },
      商品ID: { text: '612345678901' },
      售后单数: { num: 5 },
      上期单数: { num: 1 },
      变化: { num: 4 },
      质量问题: { num: 4 },
      '尺码/不合适': { num: 1 },
      '退款金额（元）': { yuan: 89 },
      商品链接: { text: 'https://item.taobao.com/item.htm?id=612345678901' },
    });
    expect(ranking!.rows[2]![2]).toBeNull();
    expect(cases!.rows).toHaveLength(8);
    expect(cases!.rows[0]!.slice(0, 3)).toEqual([
      { text: '羊毛围巾 灰色' },
      { text: '612345678901' },
      { text: week.items[0]!.cases[0]!.disputeId },
    ]);
  });
});
