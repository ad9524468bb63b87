// The Fusion (@alifd/next) Table in each shape a 千牛 list uses; rendered by React in Chromium by
// scripts/render-library-fixtures.mjs. The variant comes from `?fixture=` in the page URL.
import { createRoot } from 'react-dom/client';
import { Button, Table } from '@alifd/next';
import { EXCHANGES, REFUNDS } from './data.mjs';
import { Applied, Item, Status, money, orderHref } from './cells.jsx';

const id = (value) => <span className="refund-list_id__Vb2nT">{value}</span>;
const order = (value) => <a href={orderHref(value)}>{value}</a>;
const applied = (_v, _i, record) => <Applied record={record} />;
const status = (_v, _i, record) => <Status record={record} />;
const item = (_v, _i, record) => <Item record={record} />;
const amount = (_v, _i, record) => money(record);
const actions = (_v, _i, record) =>
  record.countdown ? (
    <div>
      <Button text type="primary">
        同意退款
      </Button>{' '}
      <Button text>拒绝退款</Button>
    </div>
  ) : (
    <Button text>备注</Button>
  );

function Columns({ lock }) {
  return [
    <Table.Column key="id" title="退款编号" dataIndex="id" cell={id} width={170} lock={lock ? 'left' : undefined} />,
    <Table.Column key="order" title="订单编号" dataIndex="order" cell={order} width={190} />,
    <Table.Column key="buyer" title="买家" dataIndex="buyer" width={110} />,
    <Table.Column key="item" title="宝贝" dataIndex="item" cell={item} width={lock ? 320 : 240} />,
    <Table.Column key="amount" title="退款金额" dataIndex="amount" cell={amount} width={100} />,
    <Table.Column key="applied" title="申请时间" dataIndex="applied" cell={applied} width={170} />,
    <Table.Column key="status" title="售后状态" dataIndex="status" cell={status} width={200} />,
    <Table.Column key="ops" title="操作" cell={actions} width={150} lock={lock ? 'right' : undefined} />,
  ];
}

const plain = () => (
  <Table dataSource={REFUNDS} primaryKey="id">
    {Columns({})}
  </Table>
);

const fixedHeader = () => (
  <Table dataSource={REFUNDS} primaryKey="id" fixedHeader maxBodyHeight={420}>
    {Columns({})}
  </Table>
);

const lock = () => (
  <div style={{ width: 960 }}>
    <Table dataSource={REFUNDS} primaryKey="id">
      {Columns({ lock: true })}
    </Table>
  </div>
);

function GroupHeaderFacts({ record }) {
  const [date, time] = record.applied.split(' ');
  return (
    <div className="refund-list_group-head__r7TzY">
      <span className="refund-list_fact__a1B2c">
        退款编号：<span>{record.id}</span>
      </span>
      <span className="refund-list_fact__a1B2c">
        订单编号：<a href={orderHref(record.order)}>{record.order}</a>
      </span>
      <span className="refund-list_fact__a1B2c">
        申请时间：
        {record.splitTime ? (
          <span>
            <span>{date}</span>
            <span>{time}</span>
          </span>
        ) : (
          <span>{record.applied}</span>
        )}
      </span>
      <span className="refund-list_fact__a1B2c">
        买家：<span>{record.buyer}</span>
      </span>
    </div>
  );
}

const oneRun = (record) => (
  <div className="refund-list_group-head__r7TzY">
    {`退款编号：${record.id} 订单编号：${record.order} 申请时间：${record.applied} 买家：${record.buyer}`}
  </div>
);

const footer = (record) =>
  record.footer ? <div className="refund-list_group-foot__Zz81q">{record.footer}</div> : null;

function groupList(headerCell) {
  // One group per record; its own row (the record again, as Fusion's list mode wants `children`).
  const data = REFUNDS.map((r) => ({ ...r, children: [{ ...r }] }));
  return () => (
    <Table dataSource={data} primaryKey="id" hasBorder rowSelection={{ onChange() {} }} fixedHeader maxBodyHeight={560}>
      <Table.GroupHeader cell={headerCell} />
      <Table.GroupFooter cell={footer} />
      <Table.Column title="宝贝" dataIndex="item" cell={item} width={280} />
      <Table.Column title="退款金额" dataIndex="amount" cell={amount} width={110} />
      <Table.Column title="退款类型" dataIndex="type" width={110} />
      <Table.Column title="售后状态" dataIndex="status" cell={status} width={220} />
      <Table.Column title="操作" cell={actions} width={160} />
    </Table>
  );
}

const twoRowHeader = () => (
  <Table dataSource={REFUNDS} primaryKey="id">
    <Table.ColumnGroup title="退款信息">
      <Table.Column title="退款编号" dataIndex="id" cell={id} width={170} />
      <Table.Column title="退款金额" dataIndex="amount" cell={amount} width={100} />
    </Table.ColumnGroup>
    <Table.Column title="订单编号" dataIndex="order" cell={order} width={190} />
    <Table.Column title="宝贝" dataIndex="item" cell={item} width={240} />
    <Table.ColumnGroup title="时间">
      <Table.Column title="申请时间" dataIndex="applied" cell={applied} width={170} />
    </Table.ColumnGroup>
    <Table.Column title="售后状态" dataIndex="status" cell={status} width={200} />
    <Table.Column title="操作" cell={actions} width={150} />
  </Table>
);

const exchange = () => (
  <Table dataSource={EXCHANGES} primaryKey="id" fixedHeader maxBodyHeight={420}>
    <Table.Column title="换货单号" dataIndex="id" cell={id} width={180} />
    <Table.Column title="订单编号" dataIndex="order" cell={order} width={190} />
    <Table.Column title="买家" dataIndex="buyer" width={110} />
    <Table.Column title="宝贝" dataIndex="item" cell={item} width={260} />
    <Table.Column title="申请时间" dataIndex="applied" cell={applied} width={170} />
    <Table.Column title="换货状态" dataIndex="status" cell={status} width={200} />
    <Table.Column title="操作" cell={() => <Button text>备注</Button>} width={100} />
  </Table>
);

const VARIANTS = {
  'fusion-plain': plain,
  'fusion-fixed-header': fixedHeader,
  'fusion-lock': lock,
  'fusion-group-list': groupList((record) => <GroupHeaderFacts record={record} />),
  'fusion-group-list-onerun': groupList(oneRun),
  'fusion-two-row-header': twoRowHeader,
  'fusion-exchange': exchange,
};

const App = VARIANTS[new URLSearchParams(location.search).get('fixture')];
createRoot(document.getElementById('root')).render(<App />);
