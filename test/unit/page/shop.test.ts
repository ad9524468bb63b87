// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/page/read';

const LIST = 'https://myseller.taobao.com/home.htm/trade-platform/refund-list';
const NOW = Date.parse('2026-12-07T10:00:00+08:00');

/** One 千牛 list row in a table: its buyer and reason cells are buyer-written text. */
const row = (buyer: string, reason: string) => `<table>
<thead><tr><th>退款编号</th><th>订单编号</th><th>买家</th><th>退款原因</th><th>退款金额</th><th>售后状态</th></tr></thead>
<tbody><tr><td>287140000008050</td><td>3039000000008050</td><td>${buyer}</td><td>${reason}</td><td>¥118.00</td><td>退款待处理</td></tr></tbody>
</table>`;

function shopOf(html: string, url = LIST) {
  document.body.innerHTML = html;
  return readPage(document, { url, now: NOW }).shop;
}

describe('the shop a page names in its header', () => {
  it('the title bar: 店铺：name, or the label with its value in the next slot', () => {
    expect(
      shopOf(`<div class="hd">淘宝卖家中心 · 退款管理 <span>店铺：青禾小铺</span></div>${row('张**', '不想要了')}`),
    ).toEqual({
      name: '青禾小铺',
      via: 'title',
    });
    expect(shopOf(`<header><span>店铺名称</span><span>青禾小铺</span></header>${row('张**', '不想要了')}`)).toEqual({
      name: '青禾小铺',
      via: 'title',
    });
  });

  it('the logged-in account 主账号:子账号: the main account is the shop (full-width colon too)', () => {
    expect(shopOf(`<header><b>千牛</b><span>青禾小铺:小王</span></header>${row('张**', '不想要了')}`)).toEqual({
      name: '青禾小铺',
      via: 'account',
    });
    expect(shopOf(`<div><span>当前账号：青禾小铺：售后01</span></div>${row('张**', '不想要了')}`)?.name).toBe(
      '青禾小铺',
    );
    // A time of day is no account.
    expect(shopOf(`<div><span>上次登录</span><span>10:30</span></div>${row('张**', '不想要了')}`)).toBeUndefined();
  });

  it('the Tmall mark beside the name, as text or as an image; the mark is reported', () => {
    const text = `<div role="banner"><span>天猫商家中心</span><span>天猫</span><span>青禾家居旗舰店</span><span>青禾家居旗舰店:小李</span></div>`;
    expect(shopOf(text + row('张**', '不想要了'), 'https://qn.taobao.com/home.htm/trade-platform/refund-list')).toEqual(
      {
        name: '青禾家居旗舰店',
        via: 'mark',
        tmall: true,
      },
    );
    const image = `<div><img alt="天猫" src="data:,"><span>青禾家居旗舰店</span></div>`;
    expect(shopOf(image + row('张**', '不想要了'))).toEqual({ name: '青禾家居旗舰店', via: 'mark', tmall: true });
  });

  it('the title bar outranks the account when both are shown', () => {
    expect(
      shopOf(`<header><span>店铺：青禾小铺</span><span>代运营甲:客服3</span></header>${row('张**', '不想要了')}`),
    ).toEqual({
      name: '青禾小铺',
      via: 'title',
    });
  });

  it('never from the case list: buyer text that looks like a shop or an account names none', () => {
    expect(shopOf(row('青禾小铺:小王', '店铺：坏人小铺'))).toBeUndefined();
    expect(shopOf(`<div><span>售后管理</span></div>${row('张**', '天猫 坏人旗舰店')}`)).toBeUndefined();
    // A card list: the header ends at the first case field, so a buyer's words after it count for nothing.
    const cards = `<div><div>退款编号：287140000008050</div><div>买家：坏人:小号</div><div>退款原因：店铺：坏人小铺</div></div>`;
    expect(shopOf(cards)).toBeUndefined();
    // A mark inside a row is the row's, not the page's.
    expect(shopOf(`<table><tr><td><img alt="天猫"></td><td>坏人旗舰店</td></tr></table>`)).toBeUndefined();
  });

  it('a page whose header names no shop has none (the background then asks its tab)', () => {
    expect(shopOf(`<div>退款详情</div>${row('张**', '不想要了')}`)).toBeUndefined();
  });
});
