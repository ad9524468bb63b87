import { describe, expect, it } from 'vitest';
import { assess, EMPTY_POLICY, type ShopPolicy } from '../../../lib/engine';
import {
  CATEGORY_LABEL,
  checkStyle,
  exportPack,
  fillTemplate,
  parsePack,
  placeholderValues,
  PLACEHOLDERS,
  SHIPPED_REPLIES,
  suggestReplies,
} from '../../../lib/replies';
import type { CaseSnapshot } from '../../../lib/shared/types';
import { chinaWallToMs } from '../../../lib/shared/china-time';

const NOW = chinaWallToMs(2026, 11, 22, 15, 0, 0);
const base: CaseSnapshot = {
  platform: 'taobao',
  disputeId: '287140000008050',
  orderId: '3491483612000010007',
  kind: 'refund',
  refundType: '退货退款',
  status: 'WAIT_SELLER_AGREE',
  shipped: true,
  goodsStatus: 'BUYER_RECEIVED',
  refundFen: 12800,
  paidFen: 12800,
  appliedAt: '2026-11-21T10:00:00+08:00',
  buyer: '王**',
  flags: {},
};
const PROMISES: ShopPolicy = {
  commitments: [
    { type: 'fake-3x', enabled: true, effectiveFrom: '2026-01-01T00:00:00+08:00' },
    { type: 'quality-promise', amountFen: 2000, enabled: true, effectiveFrom: '2026-01-01T00:00:00+08:00' },
    { type: 'damage-reship', reshipPaidBy: 'seller', enabled: true, effectiveFrom: '2026-01-01T00:00:00+08:00' },
  ],
};

describe('the shipped library', () => {
  it('has at least 40 templates with unique ids, covering every category', () => {
    expect(SHIPPED_REPLIES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(SHIPPED_REPLIES.map((t) => t.id)).size).toBe(SHIPPED_REPLIES.length);
    expect(new Set(SHIPPED_REPLIES.map((t) => t.category))).toEqual(new Set(Object.keys(CATEGORY_LABEL)));
  });

  it.each(SHIPPED_REPLIES.map((t) => [t.id, t] as const))(
    '%s passes the style check and uses only known placeholders',
    (_id, t) => {
      expect(checkStyle(t.body, t.category)).toEqual([]);
      for (const m of t.body.matchAll(/\{([^{}]+)\}/g)) expect(Object.keys(PLACEHOLDERS)).toContain(m[1]);
    },
  );

  it.each(SHIPPED_REPLIES.map((t) => [t.id, t] as const))(
    '%s is ranked first for its realistic example case',
    (_id, t) => {
      expect(t.example).toBeDefined();
      const c = { ...base, ...t.example } as CaseSnapshot;
      const policy = t.fit.compensation || t.fit.reship ? PROMISES : EMPTY_POLICY;
      const [first] = suggestReplies(SHIPPED_REPLIES, c, assess(c, policy, NOW));
      expect(first?.template.id).toBe(t.id);
      expect(first?.why).toBe(t.why);
    },
  );
});

describe('ranking', () => {
  it('offers a few relevant replies with reasons, never one that does not fit', () => {
    const c: CaseSnapshot = {
      ...base,
      refundType: '仅退款',
      shipped: true,
      goodsStatus: 'BUYER_NOT_RECEIVED',
      reason: '快递一直未送到',
    };
    const s = suggestReplies(SHIPPED_REPLIES, c, assess(c, EMPTY_POLICY, NOW), 3);
    expect(s.map((x) => x.template.id)).toEqual(['logistics.lost', 'logistics.intercept']);
    expect(s.every((x) => x.why.length > 4)).toBe(true);
  });

  it('puts user templates without conditions after the fitting ones', () => {
    const mine = {
      id: 'mine',
      title: '我的',
      category: 'greeting' as const,
      body: '亲，您好',
      fit: {},
      why: '自定义',
      origin: 'user' as const,
    };
    const c = { ...base, reason: '质量问题' };
    const s = suggestReplies([mine, ...SHIPPED_REPLIES], c, assess(c, EMPTY_POLICY, NOW), 50);
    expect(s.at(-1)?.template.id).toBe('mine');
  });
});

describe('filling', () => {
  const c: CaseSnapshot = {
    ...base,
    reason: '7天无理由退换货',
    signedAt: '2026-11-19T12:00:00+08:00',
    pageDeadline: { at: '2026-11-23T17:30:00+08:00', text: '还剩1天2时30分' },
  };
  const values = placeholderValues({
    case: c,
    assessment: assess(c, EMPTY_POLICY, NOW),
    now: NOW,
    shop: { shopName: '青禾小铺', staffName: '小禾' },
  });

  it('fills from the case, the assessment and the shop settings', () => {
    expect(values).toMatchObject({
      买家: '王**',
      订单号: '3491483612000010007',
      退款金额: '128.00元',
      剩余时间: '1天2小时',
      截止时间: '11-23 17:30',
      七天截止: '11-27 00:00',
      店铺: '青禾小铺',
      客服: '小禾',
    });
    const filled = fillTemplate('亲，订单{订单号}的{退款金额}会在{剩余时间}内处理。—{客服}', values);
    expect(filled).toEqual({ text: '亲，订单3491483612000010007的128.00元会在1天2小时内处理。—小禾', unresolved: [] });
  });

  it("fills {运费} from the shop's freight table for the province the return comes from, and only then", () => {
    const postage: CaseSnapshot = {
      ...c,
      kind: 'postage',
      returnLogistics: { fromProvince: '山东', carrier: '中通快递' },
    };
    const freightTables = [
      { default: { firstFen: 1000, extraFen: 300 }, regions: [{ provinces: ['山东' as const], firstFen: 1200 }] },
    ];
    const fill = (k: CaseSnapshot, tables?: typeof freightTables) =>
      placeholderValues({
        case: k,
        assessment: assess(k, EMPTY_POLICY, NOW),
        now: NOW,
        shop: { freightTables: tables },
      }).运费;
    // The region states its first weight only: the table's 续重 stands.
    expect(fill(postage, freightTables)).toBe('山东首重12.00元，续重3.00元/公斤');
    expect(fill({ ...postage, returnLogistics: { fromProvince: '浙江' } }, freightTables)).toBe(
      '浙江首重10.00元，续重3.00元/公斤',
    );
    expect(fill(postage)).toBeUndefined();
    expect(fill({ ...postage, returnLogistics: {} }, freightTables)).toBeUndefined();
  });

  it('keeps a missing value visible and blocks insertion until the user gives it', () => {
    const filled = fillTemplate('退货地址：{退货地址}，赔付{赔付金额}。', values);
    expect(filled.unresolved).toEqual(['退货地址', '赔付金额']);
    expect(filled.text).toContain('{退货地址}');
    const given = fillTemplate('退货地址：{退货地址}，赔付{赔付金额}。', values, {
      退货地址: '杭州市余杭区文一西路 998 号',
      赔付金额: '5.00元',
    });
    expect(given.unresolved).toEqual([]);
    expect(fillTemplate('{退货地址}', values, { 退货地址: '   ' }).unresolved).toEqual(['退货地址']);
  });
});

describe('the style check', () => {
  it.each([
    ['在', 'greeting', 'too-short'],
    ['亲，这个不能退。', 'refund', 'bare-negative'],
    ['您好，您搞错了尺码，请重新下单。', 'exchange', 'blaming'],
    ['你自己没看清楚描述，所以不能退。', 'refuse', 'blaming'],
    ['请问是什么问题？是质量问题还是不喜欢？', 'ask-category', 'no-greeting'],
    ['亲，退款已经处理好了。', 'closing', 'no-closing'],
  ])('flags %j (%s) as %s', (body, category, rule) => {
    const issues = checkStyle(body, category as never);
    expect(issues.map((i) => i.rule)).toContain(rule);
    expect(issues.find((i) => i.rule === rule)?.suggestion).toBeTruthy();
  });

  it.each([
    ['亲，因为吊牌已经拆了，按规则不能办理无理由退货，我可以帮您换一件。', 'refuse'],
    ['亲，您好，请问是不合适还是有质量问题呢？', 'ask-category'],
    ['亲，都处理好了，感谢您的耐心，祝您生活愉快！', 'closing'],
  ])('passes %j', (body, category) => expect(checkStyle(body, category as never)).toEqual([]));
});

describe('template packs', () => {
  it('round-trips through export and import', () => {
    const text = exportPack(SHIPPED_REPLIES);
    const r = parsePack(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.templates.map((t) => [t.id, t.body])).toEqual(SHIPPED_REPLIES.map((t) => [t.id, t.body]));
  });

  it.each([
    ['not JSON', '{"format":', /JSON/],
    ['another format', JSON.stringify({ format: 'x', version: 1, templates: [] }), /format/],
    [
      'a bad category',
      JSON.stringify({
        format: 'aftersales-radar/replies',
        version: 1,
        templates: [{ id: 'a', title: 't', category: 'evil', body: 'x' }],
      }),
      /templates\.0\.category/,
    ],
    [
      'an id with markup',
      JSON.stringify({
        format: 'aftersales-radar/replies',
        version: 1,
        templates: [{ id: '<img>', title: 't', category: 'greeting', body: 'x' }],
      }),
      /templates\.0\.id/,
    ],
  ])('rejects %s with a reason', (_what, text, reason) => {
    const r = parsePack(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(reason);
  });
});
