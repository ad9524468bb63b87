// The records the library fixtures render, and what a reader should find in them. Shared by the React
// apps (bundled into the page) and scripts/render-library-fixtures.mjs (which writes the expected JSON).
// Traps on purpose: a buyer nick that reads as a countdown, an item title that does too, an apply time
// split into a date element and a time element, detail links without a disputeId, a finished case whose
// status cell still carries a 查看详情 link, and a group footer quoting a status and a countdown.

export const DETAIL = '/home.htm/trade-platform/refund-list/detail';

/** link: 'dispute' (href with disputeId), 'plain' (href="#"), 'none' (an <a> without href). */
export const REFUNDS = [
  {
    id: '287150000001001',
    order: '3491483612000020011',
    item: '北欧陶瓷马克杯 2只装',
    amount: '118.00',
    applied: '2026-11-20 09:14:05',
    buyer: '王宇轩',
    type: '仅退款',
    status: '退款待处理',
    countdown: '还剩1天3时20分',
    link: 'dispute',
    footer: '买家留言：售后状态：退款成功 还剩0天',
  },
  {
    id: '287150000001002',
    order: '3491483612000020022',
    item: '【仅剩3天】羊毛混纺围巾 驼色',
    amount: '259.00',
    applied: '2026-11-21 22:08:51',
    splitTime: true,
    buyer: '还剩9天',
    type: '退货退款',
    status: '买家已退货，待商家收货',
    countdown: '还剩6天23时59分',
    link: 'plain',
  },
  {
    id: '287150000001003',
    order: '3491483612000020033',
    item: '儿童保温杯 500ml 蓝色',
    amount: '89.90',
    applied: '2026-11-19 14:30:00',
    buyer: 'tb_8812345',
    type: '退货退款',
    status: '待买家退货',
    countdown: '还剩4天2时5分',
    link: 'none',
    footer: '买家留言：请尽快处理，谢谢',
  },
  {
    id: '287150000001004',
    order: '3491483612000020044',
    item: '无线蓝牙耳机 Pro 白色',
    amount: '399.00',
    applied: '2026-11-18 10:02:47',
    buyer: '李静怡',
    type: '仅退款',
    status: '退款成功',
    countdown: null,
    link: 'dispute',
  },
  {
    id: '287150000001005',
    order: '3491483612000020055',
    item: '纯棉四件套 1.8m床',
    amount: '329.00',
    applied: '2026-11-22 08:45:10',
    buyer: '陈一鸣',
    type: '仅退款',
    status: '商家已拒绝，待买家修改',
    countdown: '还剩2天0时41分',
    link: 'plain',
  },
  {
    id: '287150000001006',
    order: '3491483612000020066',
    item: '不锈钢炒锅 32cm',
    amount: '158.00',
    applied: '2026-11-22 19:20:33',
    buyer: '赵小满',
    type: '仅退款',
    status: '退款关闭',
    countdown: null,
    link: 'dispute',
  },
  {
    id: '287150000001007',
    order: '3491483612000020077',
    item: '宠物自动喂食器 4L',
    amount: '199.00',
    applied: '2026-11-23 00:05:12',
    buyer: '周周',
    type: '退货退款',
    status: '退款待处理',
    countdown: '还剩0天23时10分',
    link: 'dispute',
  },
];

export const EXCHANGES = [
  {
    id: 'EX20261121000101',
    order: '3491483612000030011',
    item: '运动短袖T恤 M码 换 L码',
    applied: '2026-11-21 10:11:12',
    buyer: '孙悦',
    status: '换货待处理',
    countdown: '还剩1天20时0分',
    link: 'none',
  },
  {
    id: 'EX20261121000102',
    order: '3491483612000030022',
    item: '【仅剩3天】跑步鞋 42码 换 43码',
    applied: '2026-11-21 22:08:51',
    splitTime: true,
    buyer: '还剩9天',
    status: '买家已退货，待收货',
    countdown: '还剩5天3时2分',
    link: 'plain',
  },
  {
    id: 'EX20261122000103',
    order: '3491483612000030033',
    item: '双肩包 黑色 换 灰色',
    applied: '2026-11-22 16:40:00',
    buyer: '钱多多',
    status: '待发出换货商品',
    countdown: '还剩2天1时15分',
    link: 'none',
  },
  {
    id: 'EX20261123000104',
    order: '3491483612000030044',
    item: '护眼台灯 白色',
    applied: '2026-11-23 08:00:01',
    buyer: '吴桐',
    status: '换货成功',
    countdown: null,
    link: 'plain',
  },
  {
    id: 'EX20261123000105',
    order: '3491483612000030055',
    item: '保温饭盒 三层',
    applied: '2026-11-23 12:30:45',
    buyer: 'kk_2020',
    status: '待买家收货',
    countdown: '还剩9天0时0分',
    link: 'none',
  },
];

export const URLS = {
  refund: 'https://myseller.taobao.com/home.htm/trade-platform/refund-list',
  exchange: 'https://myseller.taobao.com/home.htm/trade-platform/exchange-list',
};

export function detailHref(record) {
  if (record.link === 'dispute') return `${DETAIL}?disputeId=${record.id}&type=1`;
  if (record.link === 'plain') return '#';
  return undefined;
}
