// Demo seller-backend data: fake cases over Taobao and Tmall, every state, type, reason and flag,
// with times relative to `startMs` so the pages' countdowns are live. All names and phones are fake.

const H = 3600_000;
const D = 24 * H;

/** Small deterministic PRNG so a given start produces the same cases. */
function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['小雨', '子涵', '一诺', '浩然', '思琪', '欣怡', '梓萱', '宇轩', '佳怡', '俊杰', '雨桐', '明轩'];
const ITEMS = [
  ['加厚纯棉四件套 1.8m床', 26900],
  ['北欧陶瓷马克杯 2只装', 5900],
  ['儿童羽绒服 冬季加厚 130码', 32900],
  ['无线蓝牙耳机 降噪版', 19900],
  ['真丝睡衣套装 女 M码', 45800],
  ['不锈钢保温杯 500ml', 8900],
  ['男士休闲运动鞋 42码', 23900],
  ['玻璃密封罐 6件套', 4990],
  ['实木收纳置物架 三层', 15900],
  ['羊毛围巾 灰色', 12900],
  ['补水保湿面膜 20片', 9900],
  ['厨房刀具套装 5件', 18800],
];
const CARRIERS = ['中通快递', '圆通速递', '韵达快递', '顺丰速运', '申通快递', '极兔速递'];
/** Where a return is sent from (the postage list's 退货发货地), by the case's number: no draw of the random sequence. */
const ORIGINS = ['山东省济南市', '浙江省杭州市', '云南省昆明市', '广东省广州市', '新疆维吾尔自治区乌鲁木齐市'];

// Page wording per canonical state, as the new 千牛 list shows it.
export const STATUS_TEXT = {
  WAIT_SELLER_AGREE: '退款待处理',
  SELLER_REFUSE_BUYER: '商家已拒绝，待买家修改',
  WAIT_BUYER_RETURN_GOODS: '待买家退货',
  WAIT_SELLER_CONFIRM_GOODS: '买家已退货，待商家收货',
  CLOSED: '退款关闭',
  SUCCESS: '退款成功',
  EXCHANGE_WAIT_SELLER_AGREE: '换货待处理',
  EXCHANGE_WAIT_BUYER_RETURN: '待买家退货',
  EXCHANGE_WAIT_SELLER_RECEIVE: '买家已退货，待收货',
  EXCHANGE_WAIT_SELLER_SEND: '待发出换货商品',
  EXCHANGE_WAIT_BUYER_RECEIVE: '待买家收货',
  EXCHANGE_WAIT_BUYER_MODIFY: '待买家修改',
  EXCHANGE_CLOSED: '换货关闭',
  EXCHANGE_SUCCESS: '换货成功',
  POSTAGE_WAIT_ACTIVATE: '待激活',
  POSTAGE_WAIT_SELLER: '待处理',
  POSTAGE_PAID: '已打款',
  POSTAGE_REFUSED: '已拒绝',
  POSTAGE_CLOSED: '已关闭',
};

// The old refund2 list words some states differently.
export const REFUND2_STATUS_TEXT = {
  WAIT_SELLER_AGREE: '退款待处理',
  SELLER_REFUSE_BUYER: '已拒绝退款',
  WAIT_BUYER_RETURN_GOODS: '待买家发货',
  WAIT_SELLER_CONFIRM_GOODS: '待商家收货',
  CLOSED: '退款关闭',
  SUCCESS: '退款成功',
};

/**
 * One row per scenario: [kind, refundType, phase, shipped, goods, status, reason, appliedAgoH, deadlineInH|null, action|null, flags]
 * deadlineInH is the platform countdown shown on the page (null: none shown).
 */
const SCENARIOS = [
  // 仅退款, not shipped: seller has 48 h, then auto-refund.
  [
    'refund',
    '仅退款',
    'onsale',
    false,
    'BUYER_NOT_RECEIVED',
    'WAIT_SELLER_AGREE',
    '拍错/多拍/不想要',
    46.5,
    1.5,
    'auto-refund',
    { buyerUrged: true },
  ],
  [
    'refund',
    '仅退款',
    'onsale',
    false,
    'BUYER_NOT_RECEIVED',
    'WAIT_SELLER_AGREE',
    '未按约定时间发货',
    30,
    18,
    'auto-refund',
    {},
  ],
  [
    'refund',
    '仅退款',
    'onsale',
    false,
    'BUYER_NOT_RECEIVED',
    'WAIT_SELLER_AGREE',
    '协商一致退款',
    3,
    45,
    'auto-refund',
    { freeShipping: true },
  ],
  // 仅退款, shipped, not received: 5 days.
  [
    'refund',
    '仅退款',
    'onsale',
    true,
    'BUYER_NOT_RECEIVED',
    'WAIT_SELLER_AGREE',
    '快递一直未送到',
    100,
    20,
    'auto-refund',
    { freeShipping: true },
  ],
  [
    'refund',
    '仅退款',
    'onsale',
    true,
    'BUYER_NOT_RECEIVED',
    'WAIT_SELLER_AGREE',
    '空包裹/少货',
    12,
    108,
    'auto-refund',
    {},
  ],
  [
    'refund',
    '仅退款',
    'aftersale',
    true,
    'BUYER_RECEIVED',
    'WAIT_SELLER_AGREE',
    '少件/漏发',
    20,
    100,
    'auto-refund',
    { freeShipping: true },
  ],
  // 退货退款 waiting for the seller: 5 days, then auto-agree (return address sent).
  [
    'refund',
    '退货退款',
    'onsale',
    true,
    'BUYER_RECEIVED',
    'WAIT_SELLER_AGREE',
    '7天无理由退换货',
    115,
    5,
    'auto-agree',
    { freeShipping: true, freightInsurance: true },
  ],
  [
    'refund',
    '退货退款',
    'aftersale',
    true,
    'BUYER_RECEIVED',
    'WAIT_SELLER_AGREE',
    '质量问题',
    60,
    60,
    'auto-agree',
    {},
  ],
  [
    'refund',
    '退货退款',
    'aftersale',
    true,
    'BUYER_RECEIVED',
    'WAIT_SELLER_AGREE',
    '商品信息描述不符',
    8,
    112,
    'auto-agree',
    { freeShipping: true },
  ],
  [
    'refund',
    '退货退款',
    'onsale',
    true,
    'BUYER_RECEIVED',
    'WAIT_SELLER_AGREE',
    '大小尺寸不符',
    118.8,
    1.2,
    'auto-agree',
    { freeShipping: true, freightInsurance: true, buyerUrged: true },
  ],
  [
    'refund',
    '退货退款',
    'aftersale',
    true,
    'BUYER_RECEIVED',
    'WAIT_SELLER_AGREE',
    '假冒品牌',
    40,
    80,
    'auto-agree',
    { platformIntervened: true },
  ],
  [
    'refund',
    '退货退款',
    'aftersale',
    true,
    'BUYER_RECEIVED',
    'WAIT_SELLER_AGREE',
    '商品破损',
    2,
    118,
    'auto-agree',
    { freeShipping: true },
  ],
  // Seller refused: the buyer has 7 days to modify or escalate.
  [
    'refund',
    '退货退款',
    'aftersale',
    true,
    'BUYER_RECEIVED',
    'SELLER_REFUSE_BUYER',
    '7天无理由退换货',
    70,
    120,
    'auto-close',
    { freeShipping: true },
  ],
  [
    'refund',
    '仅退款',
    'aftersale',
    true,
    'BUYER_RECEIVED',
    'SELLER_REFUSE_BUYER',
    '质量问题',
    150,
    22,
    'auto-close',
    { platformIntervened: true },
  ],
  // Agreed, waiting for the buyer's return: 7 days, then closed.
  [
    'refund',
    '退货退款',
    'onsale',
    true,
    'BUYER_RECEIVED',
    'WAIT_BUYER_RETURN_GOODS',
    '7天无理由退换货',
    50,
    140,
    'auto-close',
    { freeShipping: true, freightInsurance: true },
  ],
  [
    'refund',
    '退货退款',
    'aftersale',
    true,
    'BUYER_RECEIVED',
    'WAIT_BUYER_RETURN_GOODS',
    '颜色/图案/款式不符',
    160,
    5.5,
    'auto-close',
    {},
  ],
  // Buyer returned: the seller must confirm receipt (10 days; Tmall 48 h after signing).
  [
    'refund',
    '退货退款',
    'onsale',
    true,
    'BUYER_RETURNED_GOODS',
    'WAIT_SELLER_CONFIRM_GOODS',
    '7天无理由退换货',
    96,
    200,
    'auto-refund',
    { freeShipping: true, fastRefund: true },
  ],
  [
    'refund',
    '退货退款',
    'aftersale',
    true,
    'BUYER_RETURNED_GOODS',
    'WAIT_SELLER_CONFIRM_GOODS',
    '质量问题',
    120,
    30,
    'auto-refund',
    { freeShipping: true },
  ],
  [
    'refund',
    '退货退款',
    'aftersale',
    true,
    'BUYER_RETURNED_GOODS',
    'WAIT_SELLER_CONFIRM_GOODS',
    '大小尺寸不符',
    140,
    3.2,
    'auto-refund',
    { freightInsurance: true },
  ],
  // Page text with markup in it (a buyer's own words): it must only ever show as text.
  [
    'refund',
    '退货退款',
    'aftersale',
    true,
    'BUYER_RECEIVED',
    'WAIT_SELLER_AGREE',
    '<img src=x onerror=alert(1)>质量问题',
    30,
    90,
    'auto-agree',
    { markup: true },
  ],
  // Finished.
  ['refund', '仅退款', 'onsale', false, 'BUYER_NOT_RECEIVED', 'SUCCESS', '拍错/多拍/不想要', 72, null, null, {}],
  [
    'refund',
    '退货退款',
    'aftersale',
    true,
    'BUYER_RETURNED_GOODS',
    'SUCCESS',
    '质量问题',
    300,
    null,
    null,
    { freeShipping: true },
  ],
  [
    'refund',
    '仅退款',
    'onsale',
    false,
    'BUYER_NOT_RECEIVED',
    'SUCCESS',
    '未按约定时间发货',
    60,
    null,
    null,
    { timedOut: true },
  ],
  ['refund', '退货退款', 'onsale', true, 'BUYER_RECEIVED', 'CLOSED', '7天无理由退换货', 400, null, null, {}],
  ['refund', '仅退款', 'aftersale', true, 'BUYER_RECEIVED', 'CLOSED', '其他', 260, null, null, {}],
  // 换货
  [
    'exchange',
    '换货',
    'aftersale',
    true,
    'BUYER_RECEIVED',
    'EXCHANGE_WAIT_SELLER_AGREE',
    '尺码不合适',
    20,
    100,
    'auto-agree',
    { freeShipping: true },
  ],
  [
    'exchange',
    '换货',
    'aftersale',
    true,
    'BUYER_RECEIVED',
    'EXCHANGE_WAIT_SELLER_AGREE',
    '颜色不喜欢',
    116,
    4,
    'auto-agree',
    {},
  ],
  [
    'exchange',
    '换货',
    'aftersale',
    true,
    'BUYER_RECEIVED',
    'EXCHANGE_WAIT_BUYER_RETURN',
    '尺码不合适',
    48,
    130,
    'auto-close',
    {},
  ],
  [
    'exchange',
    '换货',
    'aftersale',
    true,
    'BUYER_RETURNED_GOODS',
    'EXCHANGE_WAIT_SELLER_RECEIVE',
    '质量问题',
    90,
    40,
    'auto-confirm',
    { freeShipping: true },
  ],
  [
    'exchange',
    '换货',
    'aftersale',
    true,
    'BUYER_RETURNED_GOODS',
    'EXCHANGE_WAIT_SELLER_SEND',
    '尺码不合适',
    130,
    20,
    null,
    {},
  ],
  [
    'exchange',
    '换货',
    'aftersale',
    true,
    'BUYER_RETURNED_GOODS',
    'EXCHANGE_WAIT_BUYER_RECEIVE',
    '质量问题',
    200,
    150,
    'auto-confirm',
    {},
  ],
  [
    'exchange',
    '换货',
    'aftersale',
    true,
    'BUYER_RECEIVED',
    'EXCHANGE_WAIT_BUYER_MODIFY',
    '颜色不喜欢',
    80,
    90,
    'auto-close',
    {},
  ],
  ['exchange', '换货', 'aftersale', true, 'BUYER_RECEIVED', 'EXCHANGE_SUCCESS', '尺码不合适', 500, null, null, {}],
  ['exchange', '换货', 'aftersale', true, 'BUYER_RECEIVED', 'EXCHANGE_CLOSED', '其他', 420, null, null, {}],
  // 邮费单 (退货邮费)
  [
    'postage',
    '邮费',
    'aftersale',
    true,
    'BUYER_RETURNED_GOODS',
    'POSTAGE_WAIT_ACTIVATE',
    '退货运费补偿',
    30,
    null,
    null,
    {},
  ],
  [
    'postage',
    '邮费',
    'aftersale',
    true,
    'BUYER_RETURNED_GOODS',
    'POSTAGE_WAIT_SELLER',
    '质量问题退货运费',
    50,
    70,
    'auto-agree',
    {},
  ],
  [
    'postage',
    '邮费',
    'aftersale',
    true,
    'BUYER_RETURNED_GOODS',
    'POSTAGE_WAIT_SELLER',
    '商品破损退货运费',
    110,
    10,
    'auto-agree',
    {},
  ],
  [
    'postage',
    '邮费',
    'aftersale',
    true,
    'BUYER_RETURNED_GOODS',
    'POSTAGE_PAID',
    '质量问题退货运费',
    300,
    null,
    null,
    {},
  ],
  [
    'postage',
    '邮费',
    'aftersale',
    true,
    'BUYER_RETURNED_GOODS',
    'POSTAGE_REFUSED',
    '7天无理由退货运费',
    260,
    null,
    null,
    {},
  ],
  ['postage', '邮费', 'aftersale', true, 'BUYER_RETURNED_GOODS', 'POSTAGE_CLOSED', '其他', 380, null, null, {}],
];

const ACTION_TEXT = {
  'auto-agree': '自动同意',
  'auto-refund': '自动退款',
  'auto-close': '自动关闭',
  'auto-confirm': '自动确认收货',
};

function pad(n, w = 2) {
  return String(n).padStart(w, '0');
}

/** China-time wall clock text for an instant: 2026-11-20 13:05:22. */
export function chinaTime(ms) {
  const d = new Date(ms + 8 * H);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** 还剩1天3时20分, the new 千牛 countdown wording. */
export function countdownText(msLeft) {
  if (msLeft <= 0) return '已超时';
  const m = Math.floor(msLeft / 60000);
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const mins = m % 60;
  return `还剩${days > 0 ? `${days}天` : ''}${hours}时${mins}分`;
}

export { ACTION_TEXT };

/**
 * Build the demo cases. Each scenario appears once for Taobao and once for Tmall (with other
 * amounts, people and offsets), giving 2 × SCENARIOS.length cases.
 */
export function buildCases(startMs, { seed = 20261122 } = {}) {
  const rnd = prng(seed);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const cases = [];
  let n = 0;
  for (const platform of ['taobao', 'tmall']) {
    for (const s of SCENARIOS) {
      const [kind, refundType, phase, shipped, goodsStatus, status, reason, appliedAgoH, deadlineInH, action, flags] =
        s;
      n += 1;
      const jitter = platform === 'tmall' ? 0.37 + rnd() * 0.5 : 0;
      const appliedAt = startMs - (appliedAgoH + jitter) * H - Math.floor(rnd() * 50) * 1000;
      const [plainItem, price] = pick(ITEMS);
      // The item's id (商品 ID), one per item, as its item.htm link and the page's data carry it.
      const itemId = String(612300450100 + ITEMS.findIndex(([t]) => t === plainItem) * 37);
      const item = flags.markup ? `<script>alert(1)</script>${plainItem}` : plainItem;
      const qty = rnd() < 0.2 ? 2 : 1;
      const paidFen = price * qty - (rnd() < 0.3 ? 500 : 0);
      const postageFen = kind === 'postage' ? 800 + Math.floor(rnd() * 12) * 100 : flags.freeShipping ? 0 : 1000;
      const refundFen =
        kind === 'postage' ? postageFen : kind === 'exchange' ? 0 : rnd() < 0.25 ? Math.round(paidFen / 2) : paidFen;
      // Paid, then shipped, then signed, all before the application (an unshipped order: paid only).
      const paidAt = appliedAt - (shipped ? 60 + rnd() * 70 : 2 + rnd() * 20) * H;
      const shippedAt = shipped ? paidAt + (4 + rnd() * 20) * H : undefined;
      const signedAt =
        goodsStatus !== 'BUYER_NOT_RECEIVED' && shippedAt
          ? Math.min(shippedAt + (12 + rnd() * 18) * H, appliedAt - 0.5 * H)
          : undefined;
      const name = SURNAMES[n % SURNAMES.length] + GIVEN[(n * 7) % GIVEN.length];
      const disputeId = String(platform === 'taobao' ? 2871 : 2963) + pad(40000000000 + n * 7919 + (n % 7) * 131, 11);
      const orderId = `${platform === 'taobao' ? '3' : '4'}${pad(Math.floor(rnd() * 1e9), 9)}${pad(n * 10007, 9)}`;
      const history = [
        {
          at: appliedAt,
          actor: '买家',
          text: `买家（${name}）发起了${refundType === '邮费' ? '邮费' : refundType}申请，原因：${reason}`,
        },
      ];
      let logistics;
      let tmallCut = Infinity;
      let deadlineAt = deadlineInH == null ? null : startMs + (deadlineInH + jitter) * H;
      if (['SELLER_REFUSE_BUYER'].includes(status)) {
        history.push({
          at: appliedAt + 20 * H,
          actor: '商家',
          text: '商家拒绝了退款申请，拒绝原因：商品已影响二次销售',
        });
      }
      if (
        [
          'WAIT_BUYER_RETURN_GOODS',
          'WAIT_SELLER_CONFIRM_GOODS',
          'EXCHANGE_WAIT_BUYER_RETURN',
          'EXCHANGE_WAIT_SELLER_RECEIVE',
          'EXCHANGE_WAIT_SELLER_SEND',
          'EXCHANGE_WAIT_BUYER_RECEIVE',
          'EXCHANGE_SUCCESS',
        ].includes(status) ||
        (status === 'SUCCESS' && refundType === '退货退款')
      ) {
        history.push({
          at: appliedAt + 6 * H,
          actor: '商家',
          text: '商家同意了退货申请，退货地址：浙江省杭州市余杭区仓前街道文一西路 998 号 售后仓（收）',
        });
      }
      if (
        [
          'WAIT_SELLER_CONFIRM_GOODS',
          'EXCHANGE_WAIT_SELLER_RECEIVE',
          'EXCHANGE_WAIT_SELLER_SEND',
          'EXCHANGE_WAIT_BUYER_RECEIVE',
          'EXCHANGE_SUCCESS',
          'POSTAGE_WAIT_SELLER',
          'POSTAGE_WAIT_ACTIVATE',
          'POSTAGE_PAID',
          'POSTAGE_REFUSED',
          'POSTAGE_CLOSED',
        ].includes(status) ||
        (status === 'SUCCESS' && refundType === '退货退款')
      ) {
        const returnShipped = appliedAt + 30 * H;
        const signedBack = rnd() < 0.6 || platform === 'tmall';
        logistics = {
          carrier: pick(CARRIERS),
          number: `YT${pad(Math.floor(rnd() * 1e12), 12)}`,
          state: signedBack ? '已签收' : '运输中',
          shippedAt: returnShipped,
          signedAt: signedBack ? returnShipped + 40 * H : undefined,
          from: ORIGINS[n % ORIGINS.length],
        };
        history.push({
          at: returnShipped,
          actor: '买家',
          text: `买家已退货，${logistics.carrier} ${logistics.number}`,
        });
        if (signedBack) history.push({ at: logistics.signedAt, actor: '系统', text: '退货物流显示已签收' });
        // Tmall: once the return is signed, at most 48 h are left to handle it.
        if (signedBack && platform === 'tmall' && status === 'WAIT_SELLER_CONFIRM_GOODS')
          tmallCut = logistics.signedAt + 48 * H;
      }
      if (status === 'SUCCESS') {
        history.push({
          at: appliedAt + 48 * H,
          actor: '系统',
          text: flags.timedOut ? '卖家超时未处理，系统自动同意退款，退款成功' : '商家同意退款，退款成功',
        });
      }
      if (status === 'CLOSED')
        history.push({ at: appliedAt + 100 * H, actor: '系统', text: '买家撤销了退款申请，退款关闭' });
      if (flags.platformIntervened)
        history.push({ at: appliedAt + 30 * H, actor: '淘宝小二', text: '小二已介入处理，请在 3 天内上传凭证' });
      history.sort((a, b) => a.at - b.at);
      if (deadlineAt !== null && tmallCut < deadlineAt) deadlineAt = Math.max(tmallCut, startMs + 0.5 * H);
      const r = (ms) => (ms == null ? undefined : Math.round(ms));
      for (const h of history) h.at = r(h.at);
      if (logistics) {
        logistics.shippedAt = r(logistics.shippedAt);
        logistics.signedAt = r(logistics.signedAt);
      }
      cases.push({
        platform,
        disputeId,
        orderId,
        kind,
        refundType,
        phase,
        shipped,
        goodsStatus,
        status,
        statusText: STATUS_TEXT[status],
        reason,
        item,
        itemId,
        qty,
        paidFen,
        refundFen,
        postageFen,
        appliedAt: r(appliedAt),
        paidAt: r(paidAt),
        shippedAt: r(shippedAt),
        signedAt: r(signedAt),
        deadlineAt: deadlineAt == null ? null : r(deadlineAt),
        deadlineAction: action,
        buyerNick: name,
        buyerPhone: `1${pick(['38', '39', '58', '86'])}${pad(Math.floor(rnd() * 1e4), 4)}${pad(n, 4)}`,
        logistics,
        history,
        flags: Object.fromEntries(Object.entries(flags).filter(([k]) => k !== 'markup')),
      });
    }
  }
  return cases;
}

/** Extra synthetic rows for large-list benchmarks: same shape, pending refunds. */
export function buildSyntheticCases(startMs, count, platform = 'taobao') {
  const base = buildCases(startMs).filter((c) => c.platform === platform && c.status === 'WAIT_SELLER_AGREE');
  const out = [];
  for (let i = 0; i < count; i++) {
    const b = base[i % base.length];
    out.push({
      ...b,
      disputeId: `9${pad(i, 14)}`,
      orderId: `8${pad(i, 18)}`,
      deadlineAt: startMs + ((i % 120) + 1) * H,
    });
  }
  return out;
}

export const CASE_COUNT_PER_PLATFORM = SCENARIOS.length;
export { D, H };
