// antd 5's Table with column titles over two rows (grouped columns), rendered like fusion-app.jsx.
import { createRoot } from 'react-dom/client';
import { Button, Table } from 'antd';
import { REFUNDS } from './data.mjs';
import { Applied, Item, Status, money, orderHref } from './cells.jsx';

const columns = [
  {
    title: '退款信息',
    children: [
      { title: '退款编号', dataIndex: 'id', key: 'id', width: 170 },
      { title: '退款金额', key: 'amount', width: 100, render: (_v, r) => money(r) },
    ],
  },
  { title: '订单编号', dataIndex: 'order', key: 'order', width: 190, render: (v) => <a href={orderHref(v)}>{v}</a> },
  { title: '买家', dataIndex: 'buyer', key: 'buyer', width: 110 },
  { title: '宝贝', key: 'item', width: 240, render: (_v, r) => <Item record={r} /> },
  {
    title: '时间',
    children: [{ title: '申请时间', key: 'applied', width: 170, render: (_v, r) => <Applied record={r} /> }],
  },
  { title: '售后状态', key: 'status', width: 200, render: (_v, r) => <Status record={r} /> },
  { title: '操作', key: 'ops', width: 120, render: () => <Button type="link">同意退款</Button> },
];

const App = () => <Table columns={columns} dataSource={REFUNDS} rowKey="id" bordered pagination={false} />;
createRoot(document.getElementById('root')).render(<App />);
