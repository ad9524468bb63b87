/**
 * One set of cases rendered in the layout families real seller pages use (labelled cards, tables,
 * split Fusion tables with locked columns, ARIA grids, div grids, group-header lists, detail pages),
 * crossed with the mutations a redesign makes. Written from the families' shapes, not from the demo's
 * markup: the reader must read every family and mutation alike.
 */

export interface CaseSpec {
  id: string;
  orderId: string;
  /** Status wording as the page shows it. */
  status: string;
  refundFen: number;
  /** China wall time, e.g. 2026-11-21 16:40:00. */
  applied: { y: number; mo: number; d: number; h: number; mi: number; s: number };
  type: '仅退款' | '退货退款';
  reason: string;
  buyer: string;
  item: string;
  /** The platform's countdown as shown, e.g. 还剩1天6时40分 (empty: none). */
  countdown: string;
}

export const NOW = Date.parse('2026-11-22T15:00:00+08:00');

export const CASES: CaseSpec[] = [
  {
    id: '3039485761203948001',
    orderId: '4411223344556677881',
    status: '买家已经申请退款，等待卖家同意',
    refundFen: 39900,
    applied: { y: 2026, mo: 11, d: 21, h: 16, mi: 40, s: 0 },
    type: '仅退款',
    reason: '不想要了',
    buyer: '林小雨',
    item: '羊毛围巾 灰色',
    countdown: '还剩1天6时40分',
  },
  {
    id: '3039485761203948002',
    orderId: '4411223344556677882',
    status: '买家已退货，等待卖家确认收货',
    refundFen: 12850,
    applied: { y: 2026, mo: 11, d: 18, h: 9, mi: 5, s: 0 },
    type: '退货退款',
    reason: '质量问题',
    buyer: 'tb_88123',
    item: '陶瓷茶杯 4只装',
    countdown: '还剩5天2时10分',
  },
  {
    id: '3039485761203948003',
    orderId: '4411223344556677883',
    status: '退款成功',
    refundFen: 5990,
    applied: { y: 2026, mo: 11, d: 10, h: 20, mi: 0, s: 0 },
    type: '仅退款',
    reason: '拍错/多拍',
    buyer: '周杰',
    item: '手机壳',
    countdown: '',
  },
];

export interface Mutation {
  /** Label synonyms: 售后单号 for 退款编号, 退款总额 for 退款金额 … */
  synonyms: boolean;
  /** Full-width colon and ￥ instead of ASCII. */
  fullWidth: boolean;
  /** Extra wrapper elements around every value. */
  wrappers: boolean;
  /** Columns in reverse order. */
  reversed: boolean;
  /** How times are written ('split': the date and the time of day in two adjacent elements). */
  timeFormat: 'iso' | 'slash' | 'chinese' | 'short' | 'split';
  /** The status column's own name on this page (处理状态 …), when not the default. */
  statusLabel?: string;
  /** Money as 元 after the figure. */
  yuanSuffix: boolean;
}

export const PLAIN: Mutation = {
  synonyms: false,
  fullWidth: false,
  wrappers: false,
  reversed: false,
  timeFormat: 'iso',
  yuanSuffix: false,
};

export const MUTATIONS: Mutation[] = [
  PLAIN,
  { synonyms: true, fullWidth: true, wrappers: false, reversed: true, timeFormat: 'slash', yuanSuffix: false },
  { synonyms: false, fullWidth: true, wrappers: true, reversed: false, timeFormat: 'chinese', yuanSuffix: true },
  { synonyms: true, fullWidth: false, wrappers: true, reversed: true, timeFormat: 'short', yuanSuffix: false },
  {
    synonyms: false,
    fullWidth: true,
    wrappers: false,
    reversed: false,
    timeFormat: 'split',
    yuanSuffix: false,
    statusLabel: '处理状态',
  },
];

export type Field = 'id' | 'orderId' | 'status' | 'refund' | 'applied' | 'type' | 'reason' | 'buyer' | 'item';
const FIELDS: Field[] = ['id', 'orderId', 'buyer', 'item', 'refund', 'type', 'reason', 'applied', 'status'];

/** Buyer-written fields: hostile text goes here. */
export const FREE_FIELDS: Field[] = ['buyer', 'reason', 'item'];

function labelOf(f: Field, m: Mutation): string {
  const plain: Record<Field, string> = {
    id: '退款编号',
    orderId: '订单编号',
    status: '退款状态',
    refund: '退款金额',
    applied: '申请时间',
    type: '售后类型',
    reason: '退款原因',
    buyer: '买家',
    item: '宝贝',
  };
  const synonyms: Record<Field, string> = {
    id: '售后单号',
    orderId: '订单号',
    status: '售后状态',
    refund: '退款总额',
    applied: '申请时间',
    type: '退款类型',
    reason: '售后原因',
    buyer: '买家昵称',
    item: '商品信息',
  };
  if (f === 'status' && m.statusLabel) return m.statusLabel;
  return (m.synonyms ? synonyms : plain)[f];
}

const pad = (n: number) => String(n).padStart(2, '0');

function timeText(c: CaseSpec, m: Mutation): string {
  const a = c.applied;
  switch (m.timeFormat) {
    case 'iso':
      return `${a.y}-${pad(a.mo)}-${pad(a.d)} ${pad(a.h)}:${pad(a.mi)}:${pad(a.s)}`;
    case 'slash':
      return `${a.y}/${pad(a.mo)}/${pad(a.d)} ${pad(a.h)}:${pad(a.mi)}`;
    case 'chinese':
      return `${a.y}年${a.mo}月${a.d}日 ${pad(a.h)}:${pad(a.mi)}`;
    case 'short':
      return `${pad(a.mo)}-${pad(a.d)} ${pad(a.h)}:${pad(a.mi)}`;
    case 'split':
      return `${a.y}-${pad(a.mo)}-${pad(a.d)} ${pad(a.h)}:${pad(a.mi)}:${pad(a.s)}`;
  }
}

/** A time as markup: split mutations show the date and the time of day in two adjacent elements. */
function timeHtml(c: CaseSpec, m: Mutation): string {
  const [date, clock] = timeText(c, m).split(' ');
  return m.timeFormat === 'split' ? `<span>${date}</span><span>${clock}</span>` : esc(timeText(c, m));
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The text each field shows; `free` replaces a buyer field's text (hostile content). */
export function valueOf(c: CaseSpec, f: Field, m: Mutation, free: Partial<Record<Field, string>> = {}): string {
  if (free[f] !== undefined) return free[f];
  const yuan = (c.refundFen / 100).toFixed(2);
  switch (f) {
    case 'id':
      return c.id;
    case 'orderId':
      return c.orderId;
    case 'status':
      return c.status;
    case 'refund':
      return m.yuanSuffix ? `${yuan}元` : `${m.fullWidth ? '￥' : '¥'}${yuan}`;
    case 'applied':
      return timeText(c, m);
    case 'type':
      return c.type;
    case 'reason':
      return c.reason;
    case 'buyer':
      return c.buyer;
    case 'item':
      return c.item;
  }
}

/** A cell's inner HTML: the value (status cells carry the countdown as a second line). */
function cellHtml(c: CaseSpec, f: Field, m: Mutation, free: Partial<Record<Field, string>>): string {
  const v = f === 'applied' && free[f] === undefined ? timeHtml(c, m) : esc(valueOf(c, f, m, free));
  const wrapped = m.wrappers ? `<div class="w${f.length}"><span>${v}</span></div>` : v;
  if (f === 'status' && c.countdown) return `${wrapped}<div class="cd">${esc(c.countdown)}</div>`;
  if (f === 'id') return `${wrapped}<button type="button">复制</button>`;
  return wrapped;
}

const colon = (m: Mutation) => (m.fullWidth ? '：' : ':');
const order = (m: Mutation) => (m.reversed ? [...FIELDS].reverse() : FIELDS);
const cls = (name: string) => `${name}_${Math.random().toString(36).slice(2, 7)}`;

export type Family =
  | 'cards'
  | 'table'
  | 'table-td-header'
  | 'split-locked'
  | 'aria-grid'
  | 'div-grid'
  | 'group-header'
  | 'fusion-list'
  | 'fusion-list-run'
  | 'refund2-groups'
  | 'two-row-header'
  | 'detail-dl'
  | 'detail-heading';

export const LIST_FAMILIES: Family[] = [
  'cards',
  'table',
  'table-td-header',
  'split-locked',
  'aria-grid',
  'div-grid',
  'group-header',
  'fusion-list',
  'fusion-list-run',
  'refund2-groups',
  'two-row-header',
];
export const DETAIL_FAMILIES: Family[] = ['detail-dl', 'detail-heading'];

export const LIST_URL = 'https://myseller.taobao.com/home.htm/trade-platform/refund-list';
export const detailUrl = (c: CaseSpec) =>
  `https://myseller.taobao.com/home.htm/trade-platform/refund-list/detail?disputeId=${c.id}&type=1`;

/** The body of a page showing `cases` in `family`, as HTML. */
export function render(
  family: Family,
  cases: CaseSpec[],
  m: Mutation,
  free: Partial<Record<Field, string>> = {},
): string {
  const fields = order(m);
  const th = (f: Field) => `<th class="${cls('th')}"><div class="${cls('cell')}">${labelOf(f, m)}</div></th>`;
  switch (family) {
    case 'cards':
      return `<div class="${cls('list')}">${cases
        .map(
          (c) =>
            `<div class="${cls('card')}">${fields
              .map(
                (f) =>
                  `<div class="${cls('pair')}"><span class="${cls('k')}">${labelOf(f, m)}${colon(m)}</span><span class="${cls('v')}">${cellHtml(c, f, m, free)}</span></div>`,
              )
              .join('')}</div>`,
        )
        .join('')}</div>`;
    case 'table':
      return `<table class="${cls('t')}"><thead><tr>${fields.map(th).join('')}</tr></thead><tbody>${cases
        .map((c) => `<tr>${fields.map((f) => `<td>${cellHtml(c, f, m, free)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'table-td-header':
      return `<table><tbody><tr>${fields.map((f) => `<td><b>${labelOf(f, m)}</b></td>`).join('')}</tr>${cases
        .map((c) => `<tr>${fields.map((f) => `<td>${cellHtml(c, f, m, free)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'split-locked': {
      // Fusion Next: header and body in separate tables; the locked id column again, in a lock table.
      const colgroup = `<colgroup>${fields.map(() => '<col style="width:120px">').join('')}</colgroup>`;
      const main = `<div class="next-table-header"><table>${colgroup}<thead><tr>${fields.map(th).join('')}</tr></thead></table></div><div class="next-table-body"><table>${colgroup}<tbody>${cases
        .map(
          (c) =>
            `<tr class="next-table-row">${fields.map((f) => `<td class="next-table-cell"><div class="next-table-cell-wrapper">${cellHtml(c, f, m, free)}</div></td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table></div>`;
      const lock = `<div class="next-table-lock-left"><div class="next-table-header"><table><thead><tr>${th('id')}</tr></thead></table></div><div class="next-table-body"><table><tbody>${cases
        .map(
          (c) =>
            `<tr class="next-table-row"><td><div class="next-table-cell-wrapper">${cellHtml(c, 'id', m, free)}</div></td></tr>`,
        )
        .join('')}</tbody></table></div></div>`;
      return `<div class="next-table ${cls('x')}"><div class="next-table-inner">${main}</div>${lock}</div>`;
    }
    case 'aria-grid':
      return `<div role="grid" class="${cls('g')}"><div role="rowgroup"><div role="row">${fields.map((f) => `<div role="columnheader">${labelOf(f, m)}</div>`).join('')}</div></div><div role="rowgroup">${cases
        .map(
          (c) =>
            `<div role="row">${fields.map((f) => `<div role="gridcell">${cellHtml(c, f, m, free)}</div>`).join('')}</div>`,
        )
        .join('')}</div></div>`;
    case 'div-grid':
      return `<div class="${cls('grid')}"><div class="${cls('head')}">${fields.map((f) => `<div class="${cls('hc')}">${labelOf(f, m)}</div>`).join('')}</div>${cases
        .map(
          (c) =>
            `<div class="${cls('row')}">${fields.map((f) => `<div class="${cls('c')}">${cellHtml(c, f, m, free)}</div>`).join('')}</div>`,
        )
        .join('')}</div>`;
    case 'group-header': {
      // The 千牛 list: labelled ids in a group header, the rest under column headers.
      const cols = fields.filter((f) => f !== 'id' && f !== 'orderId' && f !== 'applied');
      return `<div class="next-table"><div class="next-table-header"><table><thead><tr>${cols.map(th).join('')}</tr></thead></table></div><div class="next-table-body">${cases
        .map(
          (c) =>
            `<table class="next-table-row"><tbody><tr class="next-table-group-header"><td colspan="${cols.length}"><span>${labelOf('id', m)}${colon(m)}${esc(c.id)}</span> <span>${labelOf('orderId', m)}${colon(m)}${esc(c.orderId)}</span> <span>${labelOf('applied', m)}${colon(m)}${timeHtml(c, m)}</span></td></tr><tr>${cols
              .map((f) => `<td>${cellHtml(c, f, m, free)}</td>`)
              .join('')}</tr></tbody></table>`,
        )
        .join('')}</div></div>`;
    }
    case 'fusion-list':
    case 'fusion-list-run':
      return fusionList(cases, m, free, family === 'fusion-list-run');
    case 'refund2-groups': {
      // The old refund2 list: one tbody per case under a shared thead; a head row whose one cell opens
      // with the type tag, then 退款编号：<em>…</em> 订单号：<a>…</a> 买家：…, then a row of columns.
      const cols = fields.filter((f) => f !== 'id' && f !== 'orderId' && f !== 'buyer' && f !== 'type');
      return `<table class="${cls('t')}"><thead><tr>${cols.map(th).join('')}<th>操作</th></tr></thead>${cases
        .map(
          (c) =>
            `<tbody><tr class="${cls('h')}"><td colspan="${cols.length + 1}"><span class="${cls('tag')}">${c.type}(售后)</span> ${labelOf('id', m)}${colon(m)}<em>${esc(c.id)}</em> ${labelOf('orderId', m)}${colon(m)}<a href="https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=${c.orderId}">${esc(c.orderId)}</a> ${labelOf('buyer', m)}${colon(m)}${esc(valueOf(c, 'buyer', m, free))}</td></tr><tr>${cols
              .map((f) => `<td>${cellHtml(c, f, m, free)}</td>`)
              .join('')}<td><a href="#">查看</a></td></tr></tbody>`,
        )
        .join('')}</table>`;
    }
    case 'two-row-header': {
      // Grouped columns (antd / Fusion ColumnGroup): parent titles over their leaves, the others over both rows.
      const parent = (f: Field) =>
        f === 'refund' || f === 'type' || f === 'reason'
          ? '退款信息'
          : f === 'buyer' || f === 'item'
            ? '买家信息'
            : undefined;
      const top: string[] = [];
      const bottom: string[] = [];
      for (let i = 0; i < fields.length;) {
        const p = parent(fields[i]!);
        if (!p) {
          top.push(`<th rowspan="2" class="${cls('th')}">${labelOf(fields[i]!, m)}</th>`);
          i++;
          continue;
        }
        let n = 0;
        while (i + n < fields.length && parent(fields[i + n]!) === p) bottom.push(th(fields[i + n++]!));
        top.push(`<th colspan="${n}" class="${cls('th')}">${p}</th>`);
        i += n;
      }
      return `<table class="${cls('t')}"><thead><tr>${top.join('')}</tr><tr>${bottom.join('')}</tr></thead><tbody>${cases
        .map((c) => `<tr>${fields.map((f) => `<td>${cellHtml(c, f, m, free)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    }
    case 'detail-dl': {
      const c = cases[0]!;
      return `<div class="${cls('detail')}"><h2>退款详情</h2><dl>${fields.map((f) => `<dt>${labelOf(f, m)}${colon(m)}</dt><dd>${cellHtml(c, f, m, free)}</dd>`).join('')}</dl></div>`;
    }
    case 'detail-heading': {
      const c = cases[0]!;
      const rest = fields.filter((f) => f !== 'status');
      return `<div class="${cls('detail')}"><div class="${cls('banner')}"><h3>${esc(c.status)}</h3>${c.countdown ? `<p>${esc(c.countdown)}</p>` : ''}<button type="button">同意退款</button><button type="button">拒绝退款</button></div><div class="${cls('info')}">${rest
        .map((f) => `<div><span>${labelOf(f, m)}${colon(m)}</span><span>${cellHtml(c, f, m, free)}</span></div>`)
        .join('')}</div></div>`;
    }
  }
}

const CHECKBOX =
  '<label class="next-checkbox-wrapper"><span class="next-checkbox"><span class="next-checkbox-inner"></span><input type="checkbox" aria-label="选择" class="next-checkbox-input"></span></label>';

/**
 * Fusion Next's Table in list mode (`Table.GroupHeader` + `rowSelection` + `GroupFooter`), as
 * `components/table/list.tsx` renders it: the column titles in their own header table (a selection
 * column first), and in `div.next-table-body` each record its own `table.next-table-row[role=row]`:
 * the group header row (the record's selection cell, then one cell over the other columns holding its
 * labelled facts: each in a span, or one run of text), the child row (its first data cell spanning
 * the selection column) and a group footer with the buyer's message. The status cell's 查看详情 link
 * carries no id.
 */
function fusionList(cases: CaseSpec[], m: Mutation, free: Partial<Record<Field, string>>, run: boolean): string {
  const cols = order(m).filter((f) => f !== 'id' && f !== 'orderId' && f !== 'applied' && f !== 'buyer');
  const width = cols.length + 2;
  const colgroup = `<colgroup><col style="width:50px">${cols.map(() => '<col>').join('')}<col></colgroup>`;
  const th = (label: string) =>
    `<th class="next-table-cell next-table-header-node" rowspan="1" role="gridcell"><div class="next-table-cell-wrapper">${label}</div></th>`;
  const header = `<div class="next-table-header"><div class="next-table-header-inner" style="overflow: unset;"><table>${colgroup}<thead class="next-table-thead"><tr><th class="next-table-cell next-table-selection next-table-prerow next-table-header-node" rowspan="1"><div class="next-table-cell-wrapper">${CHECKBOX}</div></th>${cols
    .map((f) => th(labelOf(f, m)))
    .join('')}${th('操作')}</tr></thead></table></div><div class="next-table-header-fixer"></div></div>`;
  const c1 = colon(m);
  const facts = (c: CaseSpec) => {
    const buyer = esc(valueOf(c, 'buyer', m, free));
    if (run)
      return `${labelOf('id', m)}${c1}${esc(c.id)}\u3000${labelOf('orderId', m)}${c1}${esc(c.orderId)}\u3000${labelOf('applied', m)}${c1}${esc(timeText(c, m))}\u3000${labelOf('buyer', m)}${c1}${buyer}`;
    const pair = (f: Field, v: string) => `<span class="${cls('gh')}">${labelOf(f, m)}${c1}${v}</span>`;
    return [
      pair('id', esc(c.id)),
      pair(
        'orderId',
        `<a href="https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=${c.orderId}">${esc(c.orderId)}</a>`,
      ),
      pair('applied', timeHtml(c, m)),
      pair('buyer', buyer),
    ].join(' ');
  };
  const cell = (c: CaseSpec, f: Field, k: number) => {
    const span = k === 0 ? ' colspan="2"' : '';
    const inner =
      f === 'status'
        ? `${cellHtml(c, f, m, free)}<a href="/home.htm/trade-platform/refund-list/detail?type=1">查看详情</a>`
        : cellHtml(c, f, m, free);
    return `<td class="next-table-cell" role="gridcell"${span}><div class="next-table-cell-wrapper">${inner}</div></td>`;
  };
  const records = cases
    .map(
      (c, i) =>
        `<table class="next-table-row${i === 0 ? ' first' : ''}" role="row">${colgroup}<tbody><tr class="next-table-group-header"><td class="next-table-selection"><div class="next-table-cell-wrapper">${CHECKBOX}</div></td><td colspan="${width - 1}"><div class="next-table-cell-wrapper">${facts(c)}</div></td></tr><tr class="next-table-row">${cols
          .map((f, k) => cell(c, f, k))
          .join(
            '',
          )}<td class="next-table-cell"><div class="next-table-cell-wrapper"><button type="button">同意退款</button></div></td></tr><tr class="next-table-group-footer"><td colspan="${width}"><div class="next-table-cell-wrapper">买家留言：${esc(valueOf(c, 'reason', m, free))}</div></td></tr></tbody></table>`,
    )
    .join('');
  return `<div class="next-table next-table-medium next-table-group ${cls('x')}"><div class="next-table-inner">${header}<div class="next-table-body">${records}</div></div></div>`;
}
