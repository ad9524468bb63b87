/** The daily report as sheets for the .xlsx export (the same writer as the ledger's). */
import type { DailyReport, KindOrAll } from '../storage/report';
import { KIND_LABEL } from '../shared/labels';
import { EXPORT_COLUMNS, exportRow, type ExportCell } from './ledger-rows';
import type { Table } from './files';

export const REPORT_KINDS: KindOrAll[] = ['all', 'refund', 'exchange', 'postage'];
export const kindName = (k: KindOrAll) => (k === 'all' ? '全部' : KIND_LABEL[k]);

/** Minutes, one decimal, or nothing. */
const minutes = (ms: number | null): ExportCell => (ms === null ? null : { num: Math.round(ms / 6000) / 10 });

export function reportTables(r: DailyReport, now: number): Table[] {
  const n = (v: number): ExportCell => ({ num: v });
  const figures: [string, (k: KindOrAll) => ExportCell][] = [
    ['新增售后单', (k) => n(r.byKind[k].newCases)],
    ['已结束', (k) => n(r.byKind[k].finished)],
    ['超时由平台处理', (k) => n(r.byKind[k].missed)],
    ['退款金额（元）', (k) => ({ yuan: r.byKind[k].refundedFen / 100 })],
    ['首次处理单数', (k) => n(r.byKind[k].handled)],
    ['平均首次处理用时（分钟）', (k) => minutes(r.byKind[k].avgFirstHandlingMs)],
  ];
  return [
    {
      name: `日报 ${r.day}`,
      header: ['指标', ...REPORT_KINDS.map(kindName)],
      rows: [
        ...figures.map(([label, f]) => [{ text: label }, ...REPORT_KINDS.map(f)]),
        [{ text: '说明' }, { text: '按本浏览器看到的记录统计' }, null, null, null],
      ],
    },
    { name: '主要原因', header: ['原因', '新增单数'], rows: r.reasons.map((x) => [{ text: x.reason }, n(x.count)]) },
    {
      name: '近14天',
      header: ['日期', '新增', '已结束', '超时由平台处理'],
      rows: r.last14.map((d) => [{ text: d.day }, n(d.opened), n(d.finished), n(d.missed)]),
    },
    { name: '当日售后单', header: EXPORT_COLUMNS, rows: r.cases.map((c) => exportRow(c, now)) },
  ];
}
