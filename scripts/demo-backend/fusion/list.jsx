// The demo 千牛 list drawn by the real Fusion Table (@alifd/next, React), as the real 千牛 is built.
// Bundled by the demo backend when it starts (see bundle.mjs) and loaded by public/app.js for
// `?layout=fusion` (list mode: Table.GroupHeader, one record per group, selection, fixed header),
// `?layout=fusion-plain` and `?layout=fusion-lock`. app.js keeps everything else (late render, routes,
// filters, pager, re-renders); it hands over each row's cells as DOM nodes it built, which become React
// elements here, so the cell contents stay the demo's own and only the table is Fusion's.
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Table } from '@alifd/next';

/** A DOM node app.js built (its own markup: text, hashed classes, attributes) as a React element. */
function toReact(node, key) {
  if (node.nodeType === 3) return node.data;
  if (node.nodeType !== 1) return null;
  const props = { key };
  for (const { name, value } of node.attributes) {
    if (name === 'class') props.className = value;
    else if (name === 'style') props.style = styleObject(value);
    else if (name === 'for') props.htmlFor = value;
    else props[name] = value;
  }
  // Buttons app.js wired (a toast): the handler travels on the node.
  if (typeof node.__demoAction === 'function') props.onClick = node.__demoAction;
  const children = [...node.childNodes].map((c, i) => toReact(c, i));
  return createElement(node.tagName.toLowerCase(), props, ...(children.length ? children : []));
}

function styleObject(text) {
  const style = {};
  for (const part of text.split(';')) {
    const i = part.indexOf(':');
    if (i < 0) continue;
    const prop = part
      .slice(0, i)
      .trim()
      .replace(/-([a-z])/g, (_m, c) => c.toUpperCase());
    if (prop) style[prop] = part.slice(i + 1).trim();
  }
  return style;
}

const cellOf = (index) => (_value, _i, record) => toReact(record.cells[index], index);

function columnsOf(labels, { lock, share } = {}) {
  const last = labels.length - 1;
  return labels.map((title, i) =>
    createElement(Table.Column, {
      key: `${i}:${title}`,
      title,
      cell: cellOf(i),
      // The flat tables' many columns keep their widths (the table scrolls sideways); list mode's few
      // share what the item column leaves, so it fits the page beside the sidebar's room as the
      // hand-written list does.
      width: i === 0 ? 220 : share ? undefined : 140,
      lock: lock && i === 0 ? 'left' : lock && i === last - 1 ? 'right' : undefined,
    }),
  );
}

/** The group header: the record's labelled facts, each label with its value in its own span. */
function groupHeader(props) {
  const { cls, idLabel } = props;
  const fact = (label, value, key) => createElement('span', { className: cls.pair, key }, `${label}：`, value);
  return (record) =>
    createElement(
      'div',
      { className: cls.rowTop },
      fact(idLabel, createElement('span', null, record.id), 'id'),
      fact(
        '订单编号',
        createElement('a', { href: record.orderHref, target: '_blank', rel: 'noreferrer' }, record.order),
        'order',
      ),
      fact('申请时间', createElement('span', null, record.applied), 'applied'),
      fact('买家', createElement('span', null, record.buyer), 'buyer'),
      ...record.flags.map((node, i) => toReact(node, `flag${i}`)),
    );
}

function ListTable(props) {
  const { layout, rows, groupColumns, flatColumns } = props;
  const common = {
    dataSource: rows,
    primaryKey: 'id',
    fixedHeader: true,
    maxBodyHeight: props.bodyHeight || 'none',
    emptyContent: '没有符合条件的宝贝',
  };
  if (layout === 'fusion-plain') return createElement(Table, common, columnsOf(flatColumns));
  if (layout === 'fusion-lock')
    return createElement(
      'div',
      { style: { width: '100%' } },
      createElement(Table, common, columnsOf(flatColumns, { lock: true })),
    );
  // List mode: one record per group; the record is its own child row.
  const data = rows.map((r) => ({ ...r, children: [{ ...r }] }));
  return createElement(
    Table,
    { ...common, dataSource: data, hasBorder: true, rowSelection: { onChange() {} } },
    createElement(Table.GroupHeader, { cell: groupHeader(props) }),
    columnsOf(groupColumns, { share: true }),
  );
}

const roots = new WeakMap();

window.__QN_FUSION__ = {
  /** Draw (or redraw: React updates what changed) the list into host. */
  render(host, props) {
    let root = roots.get(host);
    if (!root) {
      root = createRoot(host);
      roots.set(host, root);
    }
    flushSync(() => root.render(createElement(ListTable, props)));
  },
  unmount(host) {
    roots.get(host)?.unmount();
    roots.delete(host);
  },
};
