// @vitest-environment happy-dom
// Staff teach a page the labels we do not know: the reading lists them, and a taught label reads
// as the field it was taught, in a column or a labelled pair, without a reload.
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/page/read';
import { fixtureDocument } from '../fixtures';
import { LIST_URL, NOW } from './families';

const TABLE = `<table><thead><tr><th>维权工单号</th><th>退款金额</th><th>售后状态</th><th>处理进度</th></tr></thead><tbody>
<tr><td>3039485761203948001</td><td>¥399.00</td><td>等待卖家同意 还剩1天6时40分</td><td>—</td></tr>
<tr><td>3039485761203948002</td><td>¥128.50</td><td>退款成功</td><td>—</td></tr></tbody></table>`;

const read = (html: string, taught?: Record<string, string>) =>
  readPage(fixtureDocument(`<html><body>${html}</body></html>`), {
    url: LIST_URL,
    now: NOW,
    ...(taught ? { taught: taught as never } : {}),
  });

describe('teaching a page', () => {
  it('an id column under a label we do not know: no case, a drift warning, and the label offered to teach', () => {
    const r = read(TABLE);
    expect(r.cases).toEqual([]);
    expect(r.missing).toContain('退款编号');
    expect(r.unknownLabels).toEqual(['维权工单号', '处理进度']);
  });

  it('once 维权工单号 is taught as the case id, the rows read as cases', () => {
    const r = read(TABLE, { 维权工单号: 'disputeId' });
    expect(r.cases.map((c) => [c.disputeId, c.refundFen, c.status])).toEqual([
      ['3039485761203948001', 39900, 'WAIT_SELLER_AGREE'],
      ['3039485761203948002', 12850, 'SUCCESS'],
    ]);
    expect(r.missing).not.toContain('退款编号');
    expect(r.unknownLabels).toEqual(['处理进度']);
  });

  it('an ignored label is no longer offered; teaching never makes a case from nothing', () => {
    const r = read(TABLE, { 处理进度: 'ignore' });
    expect(r.unknownLabels).toEqual(['维权工单号']);
    expect(read('<div><span>服务进度:</span><span>处理中</span></div>', { 服务进度: 'disputeId' }).cases).toEqual([]);
  });

  it('a taught label reads in a labelled pair too, and never inside buyer text', () => {
    const card = (nick: string) =>
      `<div><div><span>工单号:</span><span>3039485761203948009</span></div><div><span>退款金额:</span><span>¥10.00</span></div><div><span>买家:</span><span>${nick}</span></div></div>`;
    expect(read(card('小李'), { 工单号: 'disputeId' }).cases.map((c) => c.disputeId)).toEqual(['3039485761203948009']);
    expect(read(card('工单号:1111111111111111111'), { 工单号: 'disputeId' }).cases.map((c) => c.disputeId)).toEqual([
      '3039485761203948009',
    ]);
  });
});
