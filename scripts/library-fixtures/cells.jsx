// Cell contents shared by the Fusion and antd fixture apps: what a 千牛 list puts in its cells.
import { detailHref } from './data.mjs';

export const orderHref = (order) => `https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=${order}`;

export function Applied({ record }) {
  if (!record.splitTime) return <span>{record.applied}</span>;
  const [date, time] = record.applied.split(' ');
  return (
    <div className="refund-list_time__d8Kx2">
      <div>{date}</div>
      <div>{time}</div>
    </div>
  );
}

export function Status({ record }) {
  return (
    <div className="refund-list_status__Q3mZp">
      <div className="refund-list_status-text__7fLwa">{record.status}</div>
      {record.countdown ? <div className="refund-list_countdown__kP0s1">{record.countdown}</div> : null}
      <a href={detailHref(record)} target="_blank" rel="noreferrer">
        查看详情
      </a>
    </div>
  );
}

export function Item({ record }) {
  return (
    <div className="refund-list_item__Xa9cQ">
      <img alt="" width="48" height="48" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" />
      <a href={`https://item.taobao.com/item.htm?id=7${record.order.slice(-8)}`}>{record.item}</a>
    </div>
  );
}

export const money = (record) => `¥${record.amount}`;
