// The old refund2 list's `var disputeData`, in the structure docs/reference/page-data.md shows: components with
// string ids carrying `@n`, bodies found by bizName, options in the real code's positions.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { optionColumns, parseDisputeData, readDisputeData } from '../../../lib/page/refund2-data';

const NOW = Date.UTC(2026, 10, 22, 7, 0, 0);
const ID = '287140000008050';
const ORDER = '3491483612000010007';

const header = (id: string, order: string) => ({
  id,
  bizName: 'disputeHeader',
  fields: {
    numbers: [{ title: '退货退款(售后)' }, { title: '退款编号', value: id }, { title: '订单编号', value: order }],
    shop: { name: '王宇轩' },
  },
});
/** item in itemInfo; options[0] another money column, [1] 退款金额, [2] 申请时间, [3] 原因, [4] 退货物流, [5] 货物状态, [6] 退款状态. */
const body = (id: string, status = '待商家收货<br/>还剩9天23时', options?: string[]) => ({
  id: `${id}@1`,
  bizName: 'disputeBody',
  fields: {
    itemInfo: {
      title: '加厚纯棉四件套 1.8m床',
      sku: '颜色：灰',
      imgURl: '//img.example/1.jpg',
      linkUrl: '//item.taobao.com/item.htm?id=1',
    },
    options: (options ?? ['￥236.00', '￥118.00', '2026-11-20 16:57:03', '质量问题', '已签收', '已经退货', status]).map(
      (name, i) => ({
        title: { name, ...(i === 6 ? { linkUrl: `//refund2.taobao.com/dispute/detail.htm?disputeId=${id}` } : {}) },
      }),
    ),
  },
});
const page = (components: Record<string, unknown>) =>
  JSON.stringify({
    data: {
      listPagination_1: { id: '1', fields: { total: '1', defaultPageSize: '15', defaultCurrent: '1' } },
      ...components,
    },
    linkage: {
      common: { compress: true, queryParams: '', validateParams: '' },
      signature: 'x',
      input: ['listPagination_1'],
    },
    hierarchy: { root: 'root_1' },
  });

describe('the old list by its real structure', () => {
  it('pairs a body with its header through the id before @, and reads 退款金额 at options[1], never the first ￥', () => {
    const [c] = parseDisputeData(
      page({ [`sellerGridHeaderContainer_${ID}`]: header(ID, ORDER), [`sellerGridBodyContainer_${ID}@1`]: body(ID) }),
      NOW,
      'taobao',
    );
    expect(c).toMatchObject({
      disputeId: ID,
      orderId: ORDER,
      refundType: '退货退款',
      phase: 'aftersale',
      buyer: '王**',
      refundFen: 11800,
      appliedAt: '2026-11-20T16:57:03+08:00',
      reason: '质量问题',
      goodsStatus: 'BUYER_RETURNED_GOODS',
      shipped: true,
      status: 'WAIT_SELLER_CONFIRM_GOODS',
      statusText: '待商家收货',
    });
    // options[0]'s meaning is not attested: no header says what it is, so it is not 实付.
    expect(c?.paidFen).toBeUndefined();
  });

  it('reads a status cell with <br/> markup as text only', () => {
    const [c] = parseDisputeData(
      page({
        [`sellerGridHeaderContainer_${ID}`]: header(ID, ORDER),
        [`x_${ID}@2`]: body(ID, '<img src=x onerror=alert(1)>退款待处理<br/><span>还剩1天</span>'),
      }),
      NOW,
      'taobao',
    );
    expect(c).toMatchObject({ status: 'WAIT_SELLER_AGREE', statusText: '退款待处理' });
    expect(JSON.stringify(c)).not.toMatch(/[<>]/);
  });

  it('maps columns by the visible header in the same position when the page shows one that lines up', () => {
    expect(
      optionColumns(7, ['宝贝', '交易金额', '退款金额', '申请时间', '退款原因', '退货物流', '货物状态', '退款状态']),
    ).toEqual(['paid', 'refund', 'applied', 'reason', 'other', 'goods', 'status']);
    // A header that does not line up with the body (the demo's 7 cells) says nothing: the real positions.
    expect(optionColumns(7, ['宝贝', '退款金额', '申请时间', '退款原因', '发货状态', '退款状态', '操作'])).toEqual([
      'other',
      'refund',
      'applied',
      'reason',
      'other',
      'goods',
      'status',
    ]);
    const [c] = parseDisputeData(
      page({ [`sellerGridHeaderContainer_${ID}`]: header(ID, ORDER), [`sellerGridBodyContainer_${ID}@1`]: body(ID) }),
      NOW,
      'taobao',
      ['宝贝', '交易金额', '退款金额', '申请时间', '退款原因', '退货物流', '货物状态', '退款状态', '操作'],
    );
    expect(c).toMatchObject({ paidFen: 23600, refundFen: 11800 });
  });

  it('invents no case and reads no body it cannot pair: a body without bizName, a body without header', () => {
    const cases = parseDisputeData(
      page({
        [`sellerGridHeaderContainer_${ID}`]: header(ID, ORDER),
        [`disputeBody_${ID}`]: { fields: body(ID).fields },
        'sellerGridBodyContainer_287140000009999@1': body('287140000009999'),
      }),
      NOW,
      'taobao',
    );
    expect(cases.map((c) => c.disputeId)).toEqual([ID]);
    expect(cases[0]!.refundFen).toBeUndefined();
    expect(parseDisputeData('{"data": 5}', NOW, 'taobao')).toEqual([]);
    expect(parseDisputeData('not json', NOW, 'taobao')).toEqual([]);
  });

  it('finds the visible header row on the page and reads the one-line literal from its script', () => {
    const window = new Window({ url: 'https://refund2.taobao.com/dispute/sellerDisputeList.htm?type=1' });
    const doc = window.document as unknown as Document;
    doc.body.innerHTML = `<div class="thead"><span>宝贝</span><span>交易金额</span><span>退款金额</span><span>申请时间</span><span>退款原因</span><span>退货物流</span><span>货物状态</span><span>退款状态</span></div>`;
    const script = doc.createElement('script');
    script.textContent = `var disputeData = ${page({ [`sellerGridHeaderContainer_${ID}`]: header(ID, ORDER), [`sellerGridBodyContainer_${ID}@1`]: body(ID) })};`;
    doc.body.appendChild(script);
    expect(readDisputeData(doc, NOW, 'taobao')[0]).toMatchObject({ paidFen: 23600, refundFen: 11800 });
    void window.happyDOM.abort();
  });
});
