/** 日报 (report.html): one day's figures from the ledger (lib/storage/report.ts), a 14-day chart, print and .xlsx export. */
import { useEffect, useState } from 'preact/hooks';
import { reportTables, REPORT_KINDS, kindName } from '../../lib/export/report-tables';
import { download } from '../../lib/export/download';
import { exportFileName } from '../../lib/export/ledger-rows';
import { DAY_MS } from '../../lib/shared/china-time';
import { problemCases, rankProblemItems, weekLine } from '../../lib/storage/problem-items';
import {
  chinaDay,
  dailyReport,
  dayStart,
  type DailyReport,
  type DayPoint,
  type KindOrAll,
} from '../../lib/storage/report';
import { formatFen } from '../../lib/ui/format';
import { createDb } from '../../lib/storage/db';

const db = createDb();

/** 3 小时 05 分 / 12 分. */
function formatWait(ms: number | null): string {
  if (ms === null) return '—';
  const m = Math.round(ms / 60_000);
  return m >= 60 ? `${Math.floor(m / 60)} 小时 ${String(m % 60).padStart(2, '0')} 分` : `${m} 分`;
}

const SERIES = [
  ['opened', '新增', 'var(--ar-brand)'],
  ['finished', '已结束', 'var(--ar-later)'],
  ['missed', '超时由平台处理', 'var(--ar-overdue)'],
] as const;

/** Grouped bars, one group a day: opened, finished, missed. */
function Chart({ days }: { days: DayPoint[] }) {
  const W = 640;
  const H = 160;
  const top = Math.max(1, ...days.flatMap((d) => [d.opened, d.finished, d.missed]));
  const group = W / days.length;
  const bar = (group - 6) / 3;
  return (
    <figure class="report-chart" data-testid="report-chart">
      <svg viewBox={`0 0 ${W} ${H + 20}`} role="img" aria-label="近 14 天：新增、已结束、超时由平台处理">
        {days.map((d, i) =>
          SERIES.map(([key, label, color], j) => {
            const v = d[key];
            const h = (v / top) * H;
            return (
              <rect
                key={`${d.day}-${key}`}
                x={i * group + 3 + j * bar}
                y={H - h}
                width={bar - 1}
                height={h}
                fill={color}
                data-day={d.day}
                data-series={key}
                data-value={v}
              >
                <title>{`${d.day} ${label} ${v}`}</title>
              </rect>
            );
          }),
        )}
        {days.map((d, i) => (
          <text
            key={d.day}
            x={i * group + group / 2}
            y={H + 14}
            font-size="10"
            text-anchor="middle"
            fill="currentColor"
          >
            {d.day.slice(5)}
          </text>
        ))}
      </svg>
      <figcaption>
        {SERIES.map(([key, label, color]) => (
          <span key={key} class="legend">
            <i style={{ background: color }} /> {label}
          </span>
        ))}
        <span class="muted"> 最高 {top}</span>
      </figcaption>
    </figure>
  );
}

export function Report() {
  // Yesterday, unless the address names a day (report.html#2026-12-02).
  const [day, setDay] = useState(
    () => /^#(\d{4}-\d\d-\d\d)$/.exec(location.hash)?.[1] ?? chinaDay(Date.now() - DAY_MS),
  );
  const [report, setReport] = useState<DailyReport | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    setError(undefined);
    dailyReport(db, day).then(
      (r) => live && setReport(r),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [day]);
  // 问题商品 of the 7 days ending with the day (a line of its own: it never holds the figures back).
  const [problemLine, setProblemLine] = useState<string | null | undefined>();
  useEffect(() => {
    let live = true;
    setProblemLine(undefined);
    const end = dayStart(day) + DAY_MS;
    if (Number.isNaN(end)) return;
    void problemCases(db, end, 7).then(
      (records) => live && setProblemLine(weekLine(rankProblemItems(records, end, 7))),
    );
    return () => {
      live = false;
    };
  }, [day]);
  // After the figures are painted: what `npm run bench` reports as the report's first render.
  useEffect(() => void (report && performance.mark('aftersales-radar:report-rendered')), [report]);
  const rows: [string, (k: KindOrAll) => string][] = report
    ? [
        ['新增售后单', (k) => String(report.byKind[k].newCases)],
        ['已结束', (k) => String(report.byKind[k].finished)],
        ['超时由平台处理', (k) => String(report.byKind[k].missed)],
        ['退款金额', (k) => formatFen(report.byKind[k].refundedFen)],
        [
          '平均首次处理用时',
          (k) => `${formatWait(report.byKind[k].avgFirstHandlingMs)}（${report.byKind[k].handled} 单）`,
        ],
      ]
    : [];
  const exportXlsx = async () => {
    if (!report) return;
    const files = await import('../../lib/export/files');
    const now = Date.now();
    download(await files.toXlsx(reportTables(report, now)), exportFileName(`日报-${report.day}`, now, 'xlsx'));
  };
  return (
    <div data-testid="report" id="report">
      <div class="row wrap no-print">
        <label class="row">
          日期
          <input
            type="date"
            aria-label="日报日期"
            value={day}
            max={chinaDay(Date.now())}
            onInput={(e) => (e.target as HTMLInputElement).value && setDay((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="button" onClick={() => window.print()}>
          打印
        </button>
        <button type="button" onClick={() => void exportXlsx()} disabled={!report}>
          导出 Excel（.xlsx）
        </button>
      </div>
      <p class="muted" data-testid="report-honesty">
        统计的是本浏览器看到的记录：只有在本浏览器打开过的售后页面上的售后单才计入，结束和超时按本浏览器看到状态变化的时间计，其他电脑上的处理不在其中。
        {report?.recordedSince
          ? `本浏览器最早的记录：${report.recordedSince.slice(0, 16).replace('T', ' ')}。`
          : '本浏览器还没有记录。'}
      </p>
      {error && <p role="alert">{error}</p>}
      {report && (
        <>
          <h3>{report.day} 日报</h3>
          <table class="report-table" data-testid="report-figures">
            <thead>
              <tr>
                <th />
                {REPORT_KINDS.map((k) => (
                  <th key={k}>{kindName(k)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, f]) => (
                <tr key={label} data-row={label}>
                  <th>{label}</th>
                  {REPORT_KINDS.map((k) => (
                    <td key={k} data-kind={k}>
                      {f(k)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <h3>主要原因（当日新增）</h3>
          {report.reasons.length ? (
            <ol data-testid="report-reasons">
              {report.reasons.map((r) => (
                <li key={r.reason}>
                  {r.reason}：{r.count} 单
                </li>
              ))}
            </ol>
          ) : (
            <p class="muted">当日没有新增售后单。</p>
          )}
          {problemLine !== undefined && (
            <p data-testid="report-problem-item">{problemLine ?? '本周问题商品：近 7 天没有售后单。'}</p>
          )}
          <h3>近 14 天</h3>
          <Chart days={report.last14} />
        </>
      )}
    </div>
  );
}
