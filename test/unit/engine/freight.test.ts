import { describe, expect, it } from 'vitest';
import { freightCheck, freightFor, parseFreightText, type FreightTable } from '../../../lib/engine/freight';
import { provinceIn } from '../../../lib/shared/types';

/** Seed 004's 买家须知, as a shop writes it (full-width punctuation, 元/KG). */
const SEED =
  '默认首重10元、续重3元/KG；首重12元：山东、福建、山西、河南、湖北、湖南；15元：云南、海南、贵州；18元：内蒙古、宁夏、新疆、西藏；港台顺丰30元';

describe('parseFreightText', () => {
  it("reads seed 004's table: the default, three regions, and 港台 by 顺丰", () => {
    const { table, unread } = parseFreightText(SEED)!;
    expect(table.default).toEqual({ firstFen: 1000, extraFen: 300 });
    expect(table.regions).toEqual([
      { provinces: ['山东', '福建', '山西', '河南', '湖北', '湖南'], firstFen: 1200 },
      { provinces: ['云南', '海南', '贵州'], firstFen: 1500 },
      { provinces: ['内蒙古', '宁夏', '新疆', '西藏'], firstFen: 1800 },
      { provinces: ['香港', '台湾'], firstFen: 3000, carrier: '顺丰' },
    ]);
    expect(unread).toEqual([]);
  });

  it('full-width digits and letters, 元/公斤 and 每公斤 variants, provinces written in full', () => {
    const { table } = parseFreightText(
      '运费说明：\n默认快递首重１０元，续重每公斤２元。\n黑龙江省、吉林省、辽宁省首重１２元，续重４元／ＫＧ。\n广西壮族自治区、甘肃省：１４元',
    )!;
    expect(table.default).toEqual({ firstFen: 1000, extraFen: 200 });
    expect(table.regions).toEqual([
      { provinces: ['黑龙江', '吉林', '辽宁'], firstFen: 1200, extraFen: 400 },
      { provinces: ['广西', '甘肃'], firstFen: 1400 },
    ]);
  });

  it('江浙沪 groups, yuan with decimals, kg with lower case, and a clause it cannot read is shown back', () => {
    const { table, unread } = parseFreightText(
      '江浙沪皖首重6.5元 续重1元/kg;其他地区首重8元 续重2元/kg;新疆、西藏偏远地区不发货',
    )!;
    expect(table.regions[0]).toEqual({ provinces: ['江苏', '浙江', '上海', '安徽'], firstFen: 650, extraFen: 100 });
    expect(table.default).toEqual({ firstFen: 800, extraFen: 200 });
    expect(unread).toEqual(['新疆,西藏偏远地区不发货']);
  });

  it('a table naming only some provinces has no default; text with no price is no table', () => {
    const { table } = parseFreightText('首重12元：山东、福建')!;
    expect(table.default).toBeUndefined();
    expect(freightFor([table], '浙江')).toBeUndefined();
    expect(freightFor([table], '福建')).toEqual({ province: '福建', firstFen: 1200, listed: true });
    expect(parseFreightText('亲，发货后请耐心等待哦')).toBeUndefined();
  });
});

describe('provinceIn', () => {
  it.each([
    ['浙江省杭州市余杭区', '浙江'],
    ['内蒙古自治区呼和浩特市', '内蒙古'],
    ['陕西省西安市', '陕西'],
    ['山西 太原', '山西'],
    ['广西壮族自治区南宁市', '广西'],
    ['杭州市', undefined],
  ] as const)('%s → %s', (text, p) => expect(provinceIn(text)).toBe(p));
});

describe('a 退货邮费 claim against the table', () => {
  const tables: FreightTable[] = [
    parseFreightText(SEED)!.table,
    { carrier: '顺丰', default: { firstFen: 2200 }, regions: [] },
  ];
  const claim = (postageFen: number, fromProvince?: '山东' | '浙江' | '香港', carrier?: string) => ({
    kind: 'postage' as const,
    postageFen,
    returnLogistics: { ...(fromProvince ? { fromProvince } : {}), ...(carrier ? { carrier } : {}) },
  });

  it('flags a claim above the first weight for the province, by how much', () => {
    expect(freightCheck(claim(1900, '山东'), tables)).toMatchObject({
      overFen: 700,
      claimedFen: 1900,
      rate: { province: '山东', firstFen: 1200, extraFen: 300, listed: true },
    });
    expect(freightCheck(claim(1000, '浙江'), tables)).toMatchObject({
      overFen: 0,
      rate: { listed: false, firstFen: 1000 },
    });
  });

  it("takes the table of the return's carrier when the shop has one", () => {
    expect(freightCheck(claim(1900, '山东', '顺丰速运'), tables)).toMatchObject({
      overFen: 0,
      rate: { firstFen: 2200 },
    });
    // 港台 by 顺丰 is a region of the default table: by 中通 it is not that price.
    expect(freightFor(tables, '香港', '中通快递')).toMatchObject({ firstFen: 1000, listed: false });
    expect(freightFor(tables, '香港')).toMatchObject({ firstFen: 3000, carrier: '顺丰' });
  });

  it('claims nothing without a table, a province on the page, or a postage case', () => {
    expect(freightCheck(claim(1900), tables)).toBeUndefined();
    expect(freightCheck(claim(1900, '山东'), [])).toBeUndefined();
    expect(freightCheck(claim(1900, '山东'), undefined)).toBeUndefined();
    expect(freightCheck({ ...claim(1900, '山东'), kind: 'refund' }, tables)).toBeUndefined();
  });
});
