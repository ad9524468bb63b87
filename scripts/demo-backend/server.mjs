// The demo seller backend: serves pages modelled on 千牛 web (myseller/qn.taobao.com) and the old
// refund2 pages under their real host names, over HTTPS with a self-signed certificate
// on one loopback port. Chromium reaches it through --host-resolver-rules.
//
//   node scripts/demo-backend/server.mjs [--port 8443]
//
// Class names are CSS-module style hashes that change every time the server starts, so nothing in
// the extension can depend on them.

import https from 'node:https';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  buildCases,
  buildSyntheticCases,
  chinaTime,
  countdownText,
  REFUND2_STATUS_TEXT,
  ACTION_TEXT,
} from './data.mjs';
import { fusionAssets } from './fusion/bundle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Hosts the demo answers for, and which shop each shows. */
export const DEMO_HOSTS = {
  'myseller.taobao.com': { platform: 'taobao', era: 'qianniu' },
  'qn.taobao.com': { platform: 'tmall', era: 'qianniu' },
  'refund2.taobao.com': { platform: 'taobao', era: 'refund2' },
  'refund2.tmall.com': { platform: 'tmall', era: 'refund2' },
};

const SHOPS = {
  // The header as 千牛 shows it: the logged-in account `主账号:子账号` (the main account is the shop),
  // and on Tmall the mark beside the shop's name.
  taobao: { name: '青禾小铺', center: '淘宝卖家中心', account: '青禾小铺:小王' },
  tmall: { name: '青禾家居旗舰店', center: '天猫商家中心', account: '青禾家居旗舰店:小李' },
};

const CLASS_NAMES = [
  'app',
  'top',
  'brand',
  'shop',
  'account',
  'tmallMark',
  'layout',
  'nav',
  'navItem',
  'main',
  'tabs',
  'tab',
  'tabActive',
  'cards',
  'card',
  'cardValue',
  'cardLabel',
  'filters',
  'field',
  'input',
  'select',
  'btn',
  'btnPrimary',
  'btnLink',
  'quick',
  'quickOn',
  'grid',
  'head',
  'headCell',
  'row',
  'rowTop',
  'rowBody',
  'cell',
  'pair',
  'k',
  'v',
  'item',
  'itemImg',
  'status',
  'countdown',
  'muted',
  'flag',
  'pager',
  'page',
  'pageOn',
  'empty',
  'loading',
  'detail',
  'section',
  'sectionTitle',
  'kv',
  'timeline',
  'tlItem',
  'tlTime',
  'reply',
  'textarea',
  'counter',
  'toast',
  'warn',
  'frame',
  'danger',
  'fusionHost',
];

function makeClassMap() {
  const salt = crypto.randomBytes(4).toString('hex');
  const map = {};
  for (const name of CLASS_NAMES) {
    const hash = crypto
      .createHash('sha1')
      .update(salt + name)
      .digest('base64url')
      .slice(0, 5);
    map[name] = `refund-list_${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}__${hash}`;
  }
  return map;
}

function css(c) {
  return `
*{box-sizing:border-box}body{margin:0;font:13px/1.5 "PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei",sans-serif;color:#333;background:#f2f3f7}
.${c.top}{height:48px;background:#fff;border-bottom:1px solid #e8e8e8;display:flex;align-items:center;padding:0 20px;gap:16px}
.${c.brand}{font-weight:600;color:#ff5000;font-size:16px}.${c.shop}{color:#333;font-weight:600}
.${c.account}{margin-left:auto;color:#666}.${c.tmallMark}{background:#ff0036;color:#fff;font-size:11px;padding:0 4px;border-radius:2px}
.${c.layout}{display:flex;min-height:calc(100vh - 48px)}
.${c.nav}{width:168px;background:#fff;border-right:1px solid #eee;padding:12px 0;flex:none}
.${c.navItem}{display:block;padding:8px 20px;color:#333;text-decoration:none}.${c.navItem}:hover{color:#ff5000}
.${c.main}{flex:1;min-width:0;padding:16px 20px}
.${c.tabs}{display:flex;gap:4px;border-bottom:1px solid #e0e0e0;margin-bottom:12px;background:#fff;padding:0 12px}
.${c.tab}{padding:10px 14px;color:#555;text-decoration:none;border-bottom:2px solid transparent}
.${c.tabActive}{color:#ff5000;border-bottom-color:#ff5000;font-weight:600}
.${c.cards}{display:grid;grid-template-columns:repeat(auto-fill,minmax(130px,1fr));gap:10px;margin-bottom:12px}
.${c.card}{background:#fff;border-radius:6px;padding:12px}.${c.cardValue}{font-size:22px;font-weight:600;color:#222}.${c.cardLabel}{color:#888}
.${c.filters}{background:#fff;padding:12px;border-radius:6px;display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin-bottom:12px}
.${c.field}{display:flex;gap:6px;align-items:center}.${c.input},.${c.select}{height:28px;border:1px solid #d9d9d9;border-radius:4px;padding:0 8px;font:inherit}
.${c.btn}{height:28px;border:1px solid #d9d9d9;background:#fff;border-radius:4px;padding:0 12px;cursor:pointer;font:inherit}
.${c.btnPrimary}{background:#ff5000;border-color:#ff5000;color:#fff}.${c.btnLink}{border:0;background:none;color:#3366cc;cursor:pointer;padding:0;font:inherit;text-decoration:none}
.${c.quick}{padding:3px 10px;border:1px solid #ddd;border-radius:12px;cursor:pointer;background:#fff;font:inherit}.${c.quickOn}{border-color:#ff5000;color:#ff5000}
.${c.grid}{background:#fff;border-radius:6px;overflow:hidden}
.${c.head}{display:grid;grid-template-columns:2.2fr 1fr 1fr 1.2fr 1.4fr 1fr;background:#fafafa;color:#666;border-bottom:1px solid #eee}
.${c.headCell}{padding:8px 10px}
.${c.row}{border-bottom:1px solid #eee}
.${c.rowTop}{display:flex;flex-wrap:wrap;gap:16px;padding:6px 10px;background:#f7f8fa;color:#666;font-size:12px}
.${c.rowBody}{display:grid;grid-template-columns:2.2fr 1fr 1fr 1.2fr 1.4fr 1fr}
.${c.cell}{padding:10px;min-width:0}.${c.item}{display:flex;gap:8px}.${c.itemImg}{width:44px;height:44px;background:#e8ecf3;border-radius:4px;flex:none}
.${c.status}{font-weight:600}.${c.countdown}{color:#ff5000;font-size:12px}.${c.muted}{color:#999;font-size:12px}
.${c.flag}{display:inline-block;font-size:11px;border:1px solid #ffb38a;color:#ff5000;border-radius:3px;padding:0 4px;margin:2px 4px 0 0}
.${c.pager}{display:flex;gap:6px;justify-content:flex-end;padding:12px}.${c.page}{min-width:28px;height:28px;border:1px solid #ddd;background:#fff;border-radius:4px;cursor:pointer}
.${c.pageOn}{border-color:#ff5000;color:#ff5000}.${c.empty}{padding:40px;text-align:center;color:#999}.${c.loading}{padding:40px;text-align:center;color:#999}
.${c.detail}{display:grid;gap:12px}.${c.section}{background:#fff;border-radius:6px;padding:14px 16px}.${c.sectionTitle}{font-weight:600;margin-bottom:8px}
.${c.kv}{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:6px 16px}
.${c.timeline}{list-style:none;margin:0;padding:0}.${c.tlItem}{padding:6px 0;border-bottom:1px dashed #eee}.${c.tlTime}{color:#999;margin-right:8px}
.${c.textarea}{width:100%;min-height:80px;border:1px solid #d9d9d9;border-radius:4px;padding:8px;font:inherit}
.${c.counter}{color:#999;font-size:12px;text-align:right}.${c.warn}{background:#fff7e6;border:1px solid #ffd591;padding:8px 12px;border-radius:4px}
.${c.toast}{position:fixed;top:60px;left:50%;transform:translateX(-50%);background:#333;color:#fff;padding:8px 16px;border-radius:4px}
.${c.frame}{width:100%;height:calc(100vh - 120px);border:0;background:#fff}.${c.danger}{color:#d4380d}
`;
}

function esc(s) {
  return String(s ?? '').replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch],
  );
}

const yuan = (fen) => `¥${(fen / 100).toFixed(2)}`;

const yuanNumber = (fen) => Math.round(fen) / 100;
/** 1 仅退款, 3 退货退款 (the dispute domain's bizClaimType); 换货 and 邮费 have no attested code, so they travel as text. */
const CLAIM_CODE = { 仅退款: 1, 退货退款: 3 };
/** The dispute domain's status codes where attested (1 待卖家同意, 5 退款成功, 6 卖家拒绝); the others are the demo's own. */
const STATUS_CODE = {
  WAIT_SELLER_AGREE: 1,
  WAIT_BUYER_RETURN_GOODS: 2,
  WAIT_SELLER_CONFIRM_GOODS: 3,
  CLOSED: 4,
  SUCCESS: 5,
  SELLER_REFUSE_BUYER: 6,
};
const GOODS_CODE = { BUYER_NOT_RECEIVED: 1, BUYER_RECEIVED: 2, BUYER_RETURNED_GOODS: 3 };

/**
 * Money as a data response carries it. Real pages send yuan, probably as decimal strings
 * (docs/reference/page-data.md); the demo's variants (`?money=` on the page, passed on to its API calls):
 * `number` yuan as JSON numbers, `fen` integer fen as JSON numbers, `wrong` a deliberately wrong
 * unit (the yuan figure divided by 100 again), so tests can prove it never reaches staff.
 */
function money(fen, variant) {
  if (fen == null) return undefined;
  if (variant === 'number') return yuanNumber(fen);
  if (variant === 'fen') return fen;
  if (variant === 'wrong') return (fen / 10000).toFixed(2);
  return (fen / 100).toFixed(2);
}

/**
 * A case as a row of the 千牛 list's data response, in the shape public code written against the
 * live pages reads (docs/reference/page-data.md): ids as strings, `bizClaimType` and status as numeric codes
 * with the status wording beside them, yuan in `disputeBodyVO`, item data in `itemInfo`, times as
 * China-time "yyyy-MM-dd HH:mm:ss". What the demo page needs to draw itself besides (buyer, reason,
 * countdown, logistics, history …) travels in `demoView`, under names no real code shows, which the
 * extension therefore never reads.
 */
function toVO(c, variant = '', orderIdsOnly = false) {
  const fmt = (ms) => (ms == null ? undefined : chinaTime(ms));
  return {
    // `?rowIds=order`: rows keyed by their order only, as the real scraper keys them.
    ...(orderIdsOnly ? {} : { disputeId: c.disputeId }),
    bizOrderId: c.orderId,
    bizClaimType: CLAIM_CODE[c.refundType] ?? c.refundType,
    ...(c.kind === 'refund' && STATUS_CODE[c.status] ? { refundStatus: STATUS_CODE[c.status] } : {}),
    statusDesc: c.statusText,
    goodsStatus: GOODS_CODE[c.goodsStatus],
    gmtApply: fmt(c.appliedAt),
    gmtPay: fmt(c.paidAt),
    gmtConsign: fmt(c.shippedAt),
    gmtSign: fmt(c.signedAt),
    disputeBodyVO: {
      refundFee: money(c.kind === 'postage' ? c.postageFen : c.refundFen, variant),
      buyerActualFee: money(c.paidFen, variant),
      refundFeeOptions: [{ type: 'total', value: money(c.refundFen, variant) }],
      // Cases recorded before the demo knew item ids (the saved fixtures) have none.
      itemInfo: { ...(c.itemId ? { auctionId: c.itemId } : {}), title: c.item },
    },
    demoView: {
      disputeId: c.disputeId,
      bizOrderId: c.orderId,
      bizClaimType: c.refundType,
      refundPhase: c.phase,
      orderShipped: c.shipped,
      goodStatus: c.goodsStatus,
      refundStatus: c.status,
      statusDesc: c.statusText,
      reason: c.reason,
      auctionTitle: c.item,
      quantity: c.qty,
      disputeBodyVO: { refundFee: c.refundFen, buyerActualFee: c.paidFen, postFee: c.postageFen },
      gmtApply: c.appliedAt,
      gmtPay: c.paidAt,
      gmtConsign: c.shippedAt,
      gmtSign: c.signedAt,
      refundRemindTimeout: c.deadlineAt
        ? { timeout: chinaTime(c.deadlineAt), action: ACTION_TEXT[c.deadlineAction] ?? null }
        : null,
      timeoutAt: c.deadlineAt,
      buyerNick: c.buyerNick,
      logistics: c.logistics ?? null,
      history: c.history,
      tags: c.flags,
    },
  };
}

/**
 * The body of a disputelistv2 answer. `summary`: the first answer of a query, a `donutVO` summary
 * with no rows (as one real shop's page receives). `listAt=elsewhere`: the list under another path
 * (as another shop's was); `listAt=unnamed`: under another name too, found only by its rows' ids.
 */
function listBody(
  name,
  list,
  { summary = false, listAt = '', variant = '', orderIdsOnly = false, wording = null } = {},
) {
  const envelope = (data) => ({
    api: `mtop.alibaba.refundface2.disputeservice.qianniu.pc.${name}`,
    v: '1.0',
    ret: ['SUCCESS::调用成功'],
    data,
  });
  const selected = {
    refundStatusSelectVO: {
      selectedId: '["-1"]',
      dataSource: [
        { id: '-9999', text: '全部' },
        { id: '-1', text: '进行中的订单' },
      ],
    },
  };
  if (summary) {
    const counts = {};
    for (const c of list) counts[c.statusText] = (counts[c.statusText] ?? 0) + 1;
    return envelope({
      resultData: {
        ...selected,
        donutVO: { total: list.length, items: Object.entries(counts).map(([name, value]) => ({ name, value })) },
      },
    });
  }
  const rows = list.map((c) => withStatusWording(toVO(c, variant, orderIdsOnly), wording));
  if (listAt === 'elsewhere')
    return envelope({
      resultData: selected,
      model: { tableVO: { disputeGridVOList: rows, total: String(rows.length) } },
    });
  if (listAt === 'unnamed')
    return envelope({ resultData: { ...selected, tableData: { records: rows, total: String(rows.length) } } });
  return envelope({
    resultData: { ...selected, disputeGridVOList: rows, pageInfo: { total: String(rows.length), pageNo: '1' } },
  });
}

/**
 * Test hook `?statusWording=unknown` (on a 千牛 page; its data requests carry it on): every case's
 * status in a wording the extension's vocabulary does not know, under a status code it does not know
 * either, and its countdown without the action (还剩1天6时40分 alone), as after a redesign it has not
 * seen. The extension must show the countdown and say the state was not read, guessing nothing.
 */
const UNLISTED_WORDING = '售后申请审核中';
const UNLISTED_CODE = 97;
function withStatusWording(vo, wording) {
  if (wording !== 'unknown') return vo;
  const view = vo.demoView;
  return {
    ...vo,
    ...(vo.refundStatus !== undefined ? { refundStatus: UNLISTED_CODE } : {}),
    statusDesc: UNLISTED_WORDING,
    demoView: {
      ...view,
      refundStatus: 'DEMO_UNLISTED_STATUS',
      statusDesc: UNLISTED_WORDING,
      refundRemindTimeout: view.refundRemindTimeout && { ...view.refundRemindTimeout, action: null },
    },
  };
}

export function createDemoBackend({ startMs = Date.now(), log = () => {} } = {}) {
  const cls = makeClassMap();
  const cases = buildCases(startMs);
  /** Status changes of ?demoRows= cases (POST /__demo/set-status), by dispute id. */
  const syntheticChanges = new Map();
  const stylesheet = css(cls);
  const clientJs = fs.readFileSync(path.join(here, 'public', 'app.js'), 'utf8');
  // The Fusion list (`?layout=fusion…`), bundled from node_modules now, served when a page asks.
  const fusion = fusionAssets().catch((error) => ({ error }));

  const casesFor = (platform) => cases.filter((c) => c.platform === platform);

  function shell(hostInfo) {
    const shop = SHOPS[hostInfo.platform];
    const boot = { cls, platform: hostInfo.platform, shop: shop.name, center: shop.center, account: shop.account };
    // The boot object is data for the demo's own client script, escaped for a <script> context.
    const bootJson = JSON.stringify(boot).replace(/</g, '\\u003c');
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>千牛卖家工作台 - ${esc(shop.center)}</title>
<style>${stylesheet}</style></head><body><div id="ice-container"></div>
<script>window.__QN_BOOT__=${bootJson};</script><script src="/demo-assets/app.js"></script></body></html>`;
  }

  function refund2List(hostInfo, url) {
    const platform = hostInfo.platform;
    const list = casesFor(platform).filter((c) => c.kind === 'refund');
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const size = 15;
    const rows = list.slice((page - 1) * size, page * size);
    const pages = Math.ceil(list.length / size);
    const now = Date.now();
    // `var disputeData` in the old list's real structure (docs/reference/page-data.md): components keyed
    // `<tag>_<id>[@n]`, each with a string id; bodies told by `bizName`, paired with their header
    // through the id before `@`; the item in `itemInfo`; options[0] 交易金额, [1] 退款金额, [2] 申请时间,
    // [3] 原因, [4] 退货物流, [5] 货物状态, [6] 退款状态 (a link whose text holds `<br/>`); ￥ is fullwidth.
    const fullYuan = (fen) => `￥${(fen / 100).toFixed(2)}`;
    const disputeData = {
      data: {
        listPagination_1: {
          id: '1',
          tag: 'listPagination',
          fields: {
            total: String(list.length),
            defaultPageSize: String(size),
            jumpToTop: 'true',
            defaultCurrent: String(page),
            simple: 'false',
            showQuickJumper: 'true',
          },
        },
      },
      linkage: {
        common: { compress: true, queryParams: 'type=1', validateParams: '' },
        signature: 'demo',
        input: ['listPagination_1'],
      },
      hierarchy: { root: 'root_1', structure: { root_1: ['bottomContainer_1'], bottomContainer_1: [] } },
    };
    for (const c of rows) {
      disputeData.hierarchy.structure.bottomContainer_1.push(`sellerGridContainer_${c.disputeId}`);
      disputeData.data[`sellerGridHeaderContainer_${c.disputeId}`] = {
        id: c.disputeId,
        tag: 'sellerGridHeaderContainer',
        bizName: 'disputeHeader',
        fields: {
          numbers: [
            { title: `${c.refundType}(${c.phase === 'onsale' ? '售中' : '售后'})` },
            { title: '退款编号', value: c.disputeId },
            { title: '订单号', value: c.orderId },
          ],
          shop: { name: c.buyerNick },
        },
      };
      disputeData.data[`sellerGridBodyContainer_${c.disputeId}@1`] = {
        id: `${c.disputeId}@1`,
        tag: 'sellerGridBodyContainer',
        bizName: 'disputeBody',
        fields: {
          itemInfo: { imgURl: '', sku: '', title: c.item, linkUrl: '' },
          options: [
            { title: { name: fullYuan(c.paidFen) } },
            { title: { name: fullYuan(c.refundFen) } },
            { title: { name: chinaTime(c.appliedAt) } },
            { title: { name: c.reason } },
            { title: { name: c.logistics?.state ?? '' } },
            {
              title: {
                name: c.shipped
                  ? c.goodsStatus === 'BUYER_RETURNED_GOODS'
                    ? '已经退货'
                    : c.goodsStatus === 'BUYER_RECEIVED'
                      ? '已收货'
                      : '已发货'
                  : '未发货',
              },
            },
            {
              title: {
                name: `${REFUND2_STATUS_TEXT[c.status]}${c.deadlineAt ? `<br/>${countdownText(c.deadlineAt - now)}` : ''}`,
                linkUrl: `//${url.host}/dispute/detail.htm?bizOrderId=${c.orderId}&disputeId=${c.disputeId}&disputeType=1`,
              },
            },
          ],
        },
      };
      disputeData.data[`sellerGirdRemarkContainer_${c.disputeId}@2`] = {
        id: `${c.disputeId}@2`,
        tag: 'sellerGirdRemarkContainer',
        fields: { remark: '' },
      };
    }
    const rowHtml = rows
      .map(
        (c) => `<div class="mod-dispute-row" id="sellerGridContainer_${esc(c.disputeId)}">
  <div class="mod-dispute-head"><ul>
    <li><span class="type">${esc(c.refundType)}(${c.phase === 'onsale' ? '售中' : '售后'})</span></li>
    <li>退款编号：<em>${esc(c.disputeId)}</em></li>
    <li>订单号：<em>${esc(c.orderId)}</em></li>
    <li>买家：<span class="nick">${esc(c.buyerNick)}</span></li>
  </ul></div>
  <table class="mod-dispute-body"><tr>
    <td class="mod-dispute-body-col item">${esc(c.item)}</td>
    <td class="mod-dispute-body-col">${esc(yuan(c.refundFen))}</td>
    <td class="mod-dispute-body-col">${esc(chinaTime(c.appliedAt))}</td>
    <td class="mod-dispute-body-col">${esc(c.reason)}</td>
    <td class="mod-dispute-body-col">${esc(c.shipped ? (c.goodsStatus === 'BUYER_RETURNED_GOODS' ? '已经退货' : c.goodsStatus === 'BUYER_RECEIVED' ? '已收货' : '已发货') : '未发货')}</td>
    <td class="mod-dispute-body-col status">${esc(REFUND2_STATUS_TEXT[c.status])}${c.deadlineAt ? `<div class="timeout">${esc(countdownText(c.deadlineAt - now))}</div>` : ''}</td>
    <td class="mod-dispute-body-col brand"><a href="/dispute/detail.htm?bizOrderId=${esc(c.orderId)}&disputeId=${esc(c.disputeId)}&disputeType=1">查看详情</a></td>
  </tr></table>
</div>`,
      )
      .join('\n');
    const shop = SHOPS[platform];
    const json = JSON.stringify(disputeData).replace(/</g, '\\u003c');
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>退款管理 - ${esc(shop.center)}</title>
<style>body{font:12px/1.6 "WenQuanYi Zen Hei",sans-serif;margin:0;background:#fff;color:#333}.hd{background:#f60;color:#fff;padding:10px 20px;font-size:16px}
.wrap{padding:12px 20px}.mod-dispute-row{border:1px solid #e5e5e5;margin-bottom:10px}.mod-dispute-head{background:#f3f3f3;padding:4px 10px}
.mod-dispute-head ul{margin:0;padding:0;list-style:none;display:flex;gap:24px}.mod-dispute-body{width:100%;border-collapse:collapse}
.mod-dispute-body td{padding:8px 10px;border-right:1px solid #f0f0f0;vertical-align:top}.thead{display:flex;background:#eaeaea;padding:6px 10px;gap:10px}
.thead span{flex:1}.timeout{color:#f60}.pager{margin:10px 0}.pager li{display:inline-block;margin-right:6px}</style></head>
<body><div class="hd">${esc(shop.center)} · 退款管理 <span style="font-size:12px">店铺：${esc(shop.name)}</span></div>
<div class="wrap" id="disputelist"><h2 style="font-size:14px">我收到的退款申请</h2>
<div class="thead"><span>宝贝</span><span>退款金额</span><span>申请时间</span><span>退款原因</span><span>发货状态</span><span>退款状态</span><span>操作</span></div>
<div id="bottomContainer_1">${rowHtml}</div>
<ul class="pager">${Array.from({ length: pages }, (_, i) => `<li${i + 1 === page ? ' class="current"' : ''}><a href="?type=1&page=${i + 1}">${i + 1}</a></li>`).join('')}${page < pages ? `<li title="下一页"><a href="?type=1&page=${page + 1}">下一页</a></li>` : ''}</ul>
</div><script>var disputeData = ${json};</script></body></html>`;
  }

  function refund2Detail(hostInfo, url) {
    const id = url.searchParams.get('disputeId');
    const c = casesFor(hostInfo.platform).find(
      (x) => x.disputeId === id || (!id && x.orderId === url.searchParams.get('bizOrderId')),
    );
    if (!c) return null;
    const now = Date.now();
    const shop = SHOPS[hostInfo.platform];
    const waitingSeller = c.status === 'WAIT_SELLER_AGREE';
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>退款详情 - ${esc(shop.center)}</title>
<style>body{font:12px/1.8 "WenQuanYi Zen Hei",sans-serif;margin:0;color:#333}.hd{background:#f60;color:#fff;padding:10px 20px;font-size:16px}
.wrap{padding:12px 20px;display:flex;gap:20px}.info{width:320px;border:1px solid #e5e5e5;padding:10px}.main{flex:1;border:1px solid #e5e5e5;padding:10px}
.info dt{color:#888;float:left;clear:left;width:70px}.info dd{margin-left:74px}.tip{background:#fffbe6;border:1px solid #ffe58f;padding:8px}
.em{color:#f60;font-weight:bold}</style></head>
<body><div class="hd">${esc(shop.center)} · 退款详情</div>
<div class="wrap"><div class="info" id="contentContainer_1"><h3>交易信息</h3><dl>
<dt>买家：</dt><dd>${esc(c.buyerNick)}</dd>
<dt>订单编号：</dt><dd>${esc(c.orderId)}</dd>
<dt>成交时间：</dt><dd>${esc(chinaTime(c.paidAt))}</dd>
<dt>实付款：</dt><dd>${esc(yuan(c.paidFen))}</dd>
<dt>宝贝：</dt><dd>${esc(c.item)}</dd></dl></div>
<div class="main"><p>退款编号：${esc(c.disputeId)}</p>
<p>当前退款状态：<span class="em">${esc(REFUND2_STATUS_TEXT[c.status])}</span></p>
${c.deadlineAt ? `<div class="tip">您还有 <span class="em">${esc(countdownText(c.deadlineAt - now).replace('还剩', ''))}</span> 处理本次退款协议${waitingSeller ? '。如果未发货，请点击同意退款给买家；如果实际已发货，请主动与买家联系；如果您逾期未响应，视作同意买家申请，系统将自动退款给买家。' : ''}</div>` : ''}
<p>退款类型：${esc(c.refundType)}（${c.phase === 'onsale' ? '售中' : '售后'}）</p>
<p>退款金额：${esc(yuan(c.refundFen))}</p>
<p>原因：${esc(c.reason)}</p>
<p>货物状态：${esc(c.goodsStatus === 'BUYER_NOT_RECEIVED' ? '未收到货' : c.goodsStatus === 'BUYER_RETURNED_GOODS' ? '已退货' : '已收到货')}</p>
<p>${esc(c.buyerNick)}于${esc(chinaTime(c.appliedAt))}创建了退款申请</p>
${c.logistics ? `<p>退货物流信息：${esc(c.logistics.carrier)} ${esc(c.logistics.number)} ${esc(c.logistics.state)}</p>` : ''}
<p><button type="button" id="agree">同意退款</button> <button type="button">修改备注</button></p>
<textarea placeholder="主订单备忘" rows="3" cols="60"></textarea></div></div></body></html>`;
  }

  function stats(platform) {
    const list = casesFor(platform);
    const now = Date.now();
    const pendingSeller = list.filter((c) =>
      [
        'WAIT_SELLER_AGREE',
        'WAIT_SELLER_CONFIRM_GOODS',
        'EXCHANGE_WAIT_SELLER_AGREE',
        'EXCHANGE_WAIT_SELLER_RECEIVE',
        'EXCHANGE_WAIT_SELLER_SEND',
        'POSTAGE_WAIT_SELLER',
      ].includes(c.status),
    );
    return {
      '24小时内待处理': pendingSeller.filter((c) => c.deadlineAt && c.deadlineAt - now < 24 * 3600_000).length,
      待处理售后: pendingSeller.length,
      退款待处理: list.filter((c) => c.status === 'WAIT_SELLER_AGREE').length,
      待收货: list.filter((c) => ['WAIT_SELLER_CONFIRM_GOODS', 'EXCHANGE_WAIT_SELLER_RECEIVE'].includes(c.status))
        .length,
      小二已介入: list.filter((c) => c.flags.platformIntervened).length,
      商家已拒绝: list.filter((c) => c.status === 'SELLER_REFUSE_BUYER').length,
      超时同意退款: list.filter((c) => c.flags.timedOut).length,
      买家催促退款: list.filter((c) => c.flags.buyerUrged).length,
    };
  }

  function send(res, status, type, body, extra = {}) {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
    res.end(body);
  }

  function handle(req, res) {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host || 'localhost'}`);
    log(`${req.method} ${host}${url.pathname}${url.search}`);
    const hostInfo = DEMO_HOSTS[host];

    if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (url.pathname === '/demo-assets/app.js') return send(res, 200, 'text/javascript; charset=utf-8', clientJs);
    if (url.pathname === '/demo-assets/fusion.js' || url.pathname === '/demo-assets/fusion.css') {
      const js = url.pathname.endsWith('.js');
      void fusion.then((a) =>
        a.error
          ? send(res, 500, 'text/plain; charset=utf-8', `the Fusion bundle failed: ${String(a.error)}`)
          : send(res, 200, js ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8', js ? a.js : a.css),
      );
      return;
    }
    if (url.pathname === '/__demo/health')
      return send(res, 200, 'application/json', JSON.stringify({ ok: true, cases: cases.length, startMs }));
    if (url.pathname === '/__demo/set-status' && req.method === 'POST') {
      // Test hook: move a case to another state, as the platform would after a party acts.
      const id = url.searchParams.get('disputeId');
      const c = cases.find((x) => x.disputeId === id);
      const status = url.searchParams.get('status');
      // A case of a ?demoRows= list (made anew for each request): the change is kept apart and applied to it.
      if (!c && status && id?.startsWith('9')) {
        syntheticChanges.set(id, { status, statusText: url.searchParams.get('text') ?? status });
        return send(res, 200, 'application/json', JSON.stringify({ ok: true }));
      }
      if (!c || !status) return send(res, 404, 'application/json', '{"ok":false}');
      c.status = status;
      c.statusText = url.searchParams.get('text') ?? c.statusText;
      c.history.push({ at: Date.now(), actor: '系统', text: `状态变更：${c.statusText}` });
      return send(res, 200, 'application/json', JSON.stringify({ ok: true }));
    }
    if (!hostInfo) {
      const links = Object.keys(DEMO_HOSTS)
        .map((h) => `<li><a href="https://${h}/">${h}</a></li>`)
        .join('');
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        `<!doctype html><meta charset="utf-8"><title>售后雷达 demo backend</title><h1>售后雷达 demo seller backend</h1><ul>${links}</ul>`,
      );
    }

    // Data responses, shaped like the mtop responses the real front end receives (read-only).
    const api = url.pathname.match(
      /^\/h5\/(mtop\.alibaba\.refundface2\.disputeservice\.qianniu\.pc\.[a-z0-9]+)\/1\.0\/?$/i,
    );
    if (api) {
      const name = api[1];
      const wording = url.searchParams.get('statusWording');
      let list = casesFor(hostInfo.platform);
      const extra = Number(url.searchParams.get('demoRows') ?? 0);
      if (extra > 0)
        list = buildSyntheticCases(startMs, Math.min(extra, 5000), hostInfo.platform).map((c) =>
          syntheticChanges.has(c.disputeId) ? { ...c, ...syntheticChanges.get(c.disputeId) } : c,
        );
      const variant = url.searchParams.get('money') ?? '';
      if (name.endsWith('disputelistv2')) {
        const options = {
          summary: url.searchParams.get('summary') === '1',
          listAt: url.searchParams.get('listAt') ?? '',
          variant,
          orderIdsOnly: url.searchParams.get('rowIds') === 'order',
          wording,
        };
        return send(
          res,
          200,
          'application/json; charset=utf-8',
          JSON.stringify(listBody('disputelistv2', list, options)),
        );
      }
      if (name.endsWith('disputedetail')) {
        const c = list.find((x) => x.disputeId === url.searchParams.get('disputeId'));
        if (!c)
          return send(
            res,
            200,
            'application/json',
            JSON.stringify({ api: name, ret: ['FAIL_BIZ_NOT_FOUND::售后单不存在'], data: {} }),
          );
        // No public code reads this body; the demo puts the case under resultData, where the list's rows are.
        return send(
          res,
          200,
          'application/json; charset=utf-8',
          JSON.stringify({
            api: `mtop.alibaba.refundface2.disputeservice.qianniu.pc.${name}`,
            v: '1.0',
            ret: ['SUCCESS::调用成功'],
            data: { resultData: withStatusWording(toVO(c, variant), wording) },
          }),
        );
      }
      if (name.endsWith('statistic')) {
        return send(
          res,
          200,
          'application/json; charset=utf-8',
          JSON.stringify({
            api: name,
            v: '1.0',
            ret: ['SUCCESS::调用成功'],
            data: { stats: stats(hostInfo.platform) },
          }),
        );
      }
      return send(
        res,
        404,
        'application/json',
        JSON.stringify({ api: name, ret: ['FAIL_SYS_API_NOT_FOUNDED::API不存在'] }),
      );
    }

    if (hostInfo.era === 'refund2') {
      if (url.pathname === '/dispute/sellerDisputeList.htm' || url.pathname === '/')
        return send(res, 200, 'text/html; charset=utf-8', refund2List(hostInfo, url));
      if (url.pathname === '/dispute/detail.htm') {
        const html = refund2Detail(hostInfo, url);
        return html
          ? send(res, 200, 'text/html; charset=utf-8', html)
          : send(res, 404, 'text/html; charset=utf-8', '<meta charset="utf-8"><p>退款不存在</p>');
      }
      return send(res, 404, 'text/html; charset=utf-8', '<meta charset="utf-8"><p>页面不存在</p>');
    }

    if (url.pathname === '/' || url.pathname === '/home.htm') {
      return send(res, 302, 'text/plain', 'redirect', { location: '/home.htm/trade-platform/refund-list' });
    }
    if (url.pathname.startsWith('/home.htm/')) {
      // Test hook: ?csp=strict serves the page under a policy that allows frames from its own origin only.
      const csp =
        url.searchParams.get('csp') === 'strict'
          ? {
              'content-security-policy':
                "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'",
            }
          : {};
      return send(res, 200, 'text/html; charset=utf-8', shell(hostInfo), csp);
    }
    return send(res, 404, 'text/html; charset=utf-8', '<meta charset="utf-8"><p>页面不存在</p>');
  }

  return { handle, cases, cls, startMs };
}

/** A self-signed certificate for the seller hosts, made with openssl in a temp folder. */
function makeCertificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'radar-cert-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '30',
      '-subj',
      '/CN=taobao.com',
      '-addext',
      'subjectAltName=DNS:*.taobao.com,DNS:*.tmall.com,DNS:localhost',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  const pair = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  fs.rmSync(dir, { recursive: true, force: true });
  return pair;
}

/** Start the demo backend on 127.0.0.1, over HTTPS like the real seller backend. */
export async function startDemoBackend({ port = 0, log } = {}) {
  const backend = createDemoBackend({ log });
  const server = https.createServer(makeCertificate(), backend.handle);
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  return {
    ...backend,
    port: typeof address === 'object' && address ? address.port : port,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 8443;
  const demo = await startDemoBackend({ port, log: process.env.DEMO_LOG ? console.log : undefined });
  console.log(`demo seller backend on 127.0.0.1:${demo.port} (${demo.cases.length} cases)`);
  console.log(
    `map hosts with: --host-resolver-rules="MAP *.taobao.com 127.0.0.1:${demo.port}, MAP *.tmall.com 127.0.0.1:${demo.port}"`,
  );
}

/** The demo's data answers, for tests that build a response for a saved page's cases. */
export { listBody as demoListBody, toVO as demoRow };
