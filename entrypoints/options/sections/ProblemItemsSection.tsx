/**
 * 问题商品: the items the after-sales cases come from, over 7 or 30 days against the period before,
 * by reason class, with the money refunded (lib/storage/problem-items.ts); a chart, a row opens the
 * item and lists its cases, and one click exports the ranking as .xlsx for the product team.
 */
import { useEffect, useState } from 'preact/hooks';
import { PROBLEM_CLASS_LABEL, PROBLEM_CLASSES, problemClass, type ProblemClass } from '../../../lib/engine/reason';
import { download } from '../../../lib/export/download';
import { exportFileName } from '../../../lib/export/ledger-rows';
import { send } from '../../../lib/messaging/client';
import { loadProblemItems, type ProblemItem, type ProblemItems } from '../../../lib/storage/problem-items';
import { formatFen, statusLabel } from '../../../lib/ui/format';
import { db } from '../shared';

const CLASS_COLOR: Record<ProblemClass, string> = {
  quality: '#d4380d',
  'not-as-described': '#d48806',
  fit: '#1677ff',
  missing: '#722ed1',
  damaged: '#c41d7f',
  dislike: '#13a8a8',
  other: '#8c8c8c',
};
/** Items the chart draws. */
const CHART_ITEMS = 10;

const change = (it: ProblemItem) => {
  const d = it.count - it.previous;
  return d > 0 ? `+${d}` : d < 0 ? String(d) : '0';
};

/** One bar per item, stacked by reason class. */
function Chart({ items }: { items: ProblemItem[] }) {
  const shown = items.slice(0, CHART_ITEMS);
  const W = 640;
  const LABEL = 180;
  const ROW = 22;
  const top = Math.max(1, ...shown.map((i) => i.count));
  const unit = (W - LABEL - 40) / top;
  return (
    <figure class="problem-chart" data-testid="problem-chart">
      <svg viewBox={`0 0 ${W} ${shown.length * ROW + 4}`} role="img" aria-label="问题商品：各商品售后单数，按原因分类">
        {shown.map((it, row) => {
          let x = LABEL;
          return (
            <g key={it.key} data-item={it.title}>
              <text x={LABEL - 6} y={row * ROW + 15} font-size="12" text-anchor="end" fill="currentColor">
                {it.title.length > 14 ? `${it.title.slice(0, 13)}…` : it.title}
              </text>
              {PROBLEM_CLASSES.filter((c) => it.byClass[c] > 0).map((c) => {
                const w = it.byClass[c] * unit;
                const rect = (
                  <rect
                    key={c}
                    x={x}
                    y={row * ROW + 3}
                    width={Math.max(1, w - 1)}
                    height={ROW - 6}
                    fill={CLASS_COLOR[c]}
                    data-class={c}
                    data-value={it.byClass[c]}
                  >
                    <title>{`${it.title} ${PROBLEM_CLASS_LABEL[c]} ${it.byClass[c]} 单`}</title>
                  </rect>
                );
                x += w;
                return rect;
              })}
              <text x={x + 4} y={row * ROW + 15} font-size="11" fill="currentColor">
                {it.count}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        {PROBLEM_CLASSES.map((c) => (
          <span key={c} class="legend">
            <i style={{ background: CLASS_COLOR[c] }} /> {PROBLEM_CLASS_LABEL[c]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

const openCase = (key: string) => void send({ type: 'case/open', key }).catch(() => undefined);

/** An item opened: its page (when its id is known) and its cases. */
function ItemCases({ it }: { it: ProblemItem }) {
  return (
    <div class="problem-cases" data-testid="problem-cases">
      <p>
        {it.link ? (
          <a href={it.link} target="_blank" rel="noreferrer noopener" data-testid="problem-item-link">
            打开商品页（商品ID {it.itemId}）
          </a>
        ) : (
          <span class="muted">未读到商品ID：按标题归并。</span>
        )}
      </p>
      <table>
        <thead>
          <tr>
            <th>售后单号</th>
            <th>申请时间</th>
            <th>原因分类</th>
            <th>原因</th>
            <th>状态</th>
            <th>退款金额</th>
          </tr>
        </thead>
        <tbody>
          {it.cases.map((c) => (
            <tr key={c.key} data-case={c.disputeId}>
              <td>
                <button type="button" class="link" onClick={() => openCase(c.key)} title="打开这个售后单的页面">
                  {c.disputeId}
                </button>
              </td>
              <td>{(c.appliedAt ?? c.firstSeenAt).slice(0, 16).replace('T', ' ')}</td>
              <td>{PROBLEM_CLASS_LABEL[problemClass(c.reason)]}</td>
              <td>{c.reason ?? '—'}</td>
              <td>{statusLabel(c.status, c.statusText)}</td>
              <td>{c.refundFen === undefined ? '—' : formatFen(c.refundFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProblemItemsSection() {
  const [data, setData] = useState<Record<7 | 30, ProblemItems> | undefined>();
  const [days, setDays] = useState<7 | 30>(7);
  const [open, setOpen] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const reload = () => void loadProblemItems(db, Date.now()).then(setData);
  useEffect(reload, []);
  if (!data) return <p class="muted">计算中…</p>;
  const p = data[days];
  const exportXlsx = async () => {
    setBusy(true);
    try {
      const [files, { problemTables }] = await Promise.all([
        import('../../../lib/export/files'),
        import('../../../lib/export/problem-tables'),
      ]);
      const now = Date.now();
      download(
        await files.toXlsx([...problemTables(data[7]), ...problemTables(data[30])]),
        exportFileName('问题商品', now, 'xlsx'),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="problem-items">
      <p class="muted">
        哪些商品带来售后：按商品（商品ID，读不到时按标题）统计售后单，按原因分类，与上一个同样长的时段比较，附退款金额；可导出
        Excel 交给产品部门。只统计本浏览器看到的记录，按申请时间计。
      </p>
      <div class="row wrap">
        {([7, 30] as const).map((d) => (
          <label key={d} class="row">
            <input type="radio" name="problem-days" checked={days === d} onChange={() => setDays(d)} />近 {d} 天
          </label>
        ))}
        <button type="button" onClick={reload}>
          刷新
        </button>
        <button type="button" onClick={() => void exportXlsx()} disabled={busy} data-testid="problem-export">
          {busy ? '导出中…' : '导出 Excel（.xlsx）'}
        </button>
      </div>
      <p data-testid="problem-summary">
        近 {days} 天 {p.total} 单售后，涉及 {p.items.length} 个商品
        {p.withoutId ? `（${p.withoutId} 单未读到商品ID，按标题归并）` : ''}。
      </p>
      {p.items.length === 0 ? (
        <p class="muted">这段时间没有售后单。</p>
      ) : (
        <>
          <Chart items={p.items} />
          {/* A narrow window (400% zoom) scrolls the table sideways inside its box, never the page. */}
          <div class="table-scroll">
            <table class="report-table problem-table" data-testid="problem-table">
              <thead>
                <tr>
                  <th>商品</th>
                  <th>单数</th>
                  <th>上期</th>
                  <th>变化</th>
                  <th>主要原因</th>
                  <th>退款金额</th>
                </tr>
              </thead>
              {p.items.map((it) => (
                <tbody key={it.key}>
                  <tr data-item={it.title}>
                    <td>
                      {/* The button that opens the item's cases says whether they are shown (a table row cannot). */}
                      <button
                        type="button"
                        class="link"
                        aria-expanded={open === it.key}
                        onClick={() => setOpen(open === it.key ? undefined : it.key)}
                        data-testid="problem-item"
                      >
                        {it.title}
                      </button>
                    </td>
                    <td>{it.count}</td>
                    <td>{it.previous}</td>
                    <td>{change(it)}</td>
                    <td>
                      {PROBLEM_CLASS_LABEL[it.topClass]} {it.byClass[it.topClass]} 单
                    </td>
                    <td>{formatFen(it.refundedFen)}</td>
                  </tr>
                  {open === it.key && (
                    <tr>
                      <td colSpan={6}>
                        <ItemCases it={it} />
                      </td>
                    </tr>
                  )}
                </tbody>
              ))}
            </table>
          </div>
        </>
      )}
    </div>
  );
}
