/** 问题商品 as sheets for the product team's .xlsx (the same writer as the ledger's and the 日报's). */
import { PROBLEM_CLASS_LABEL, PROBLEM_CLASSES, problemClass } from '../engine/reason';
import type { ProblemItems } from '../storage/problem-items';
import { statusLabel } from '../shared/labels';
import { chinaText, type ExportCell } from './ledger-rows';
import type { Table } from './files';

export const PROBLEM_COLUMNS = [
  '排名',
  '商品',
  '商品ID',
  '售后单数',
  '上期单数',
  '变化',
  ...PROBLEM_CLASSES.map((c) => PROBLEM_CLASS_LABEL[c]),
  '退款金额（元）',
  '商品链接',
] as const;

export const PROBLEM_CASE_COLUMNS = [
  '商品',
  '商品ID',
  '售后单号',
  '订单编号',
  '申请时间',
  '原因分类',
  '原因',
  '状态',
  '退款金额（元）',
] as const;

const text = (s: string | undefined): ExportCell => (s ? { text: s } : null);

/** One window's ranking, and the cases behind it, as two sheets. */
export function problemTables(p: ProblemItems): Table[] {
  const n = (v: number): ExportCell => ({ num: v });
  return [
    {
      name: `问题商品 近${p.days}天`,
      header: PROBLEM_COLUMNS,
      rows: p.items.map((it, i) => [
        n(i + 1),
        { text: it.title },
        text(it.itemId),
        n(it.count),
        n(it.previous),
        n(it.count - it.previous),
        ...PROBLEM_CLASSES.map((c) => n(it.byClass[c])),
        { yuan: it.refundedFen / 100 },
        text(it.link),
      ]),
    },
    {
      name: `近${p.days}天售后单`,
      header: PROBLEM_CASE_COLUMNS,
      rows: p.items.flatMap((it) =>
        it.cases.map((c) => [
          { text: it.title },
          text(it.itemId),
          { text: c.disputeId },
          text(c.orderId),
          { text: chinaText(c.appliedAt ?? c.firstSeenAt) },
          { text: PROBLEM_CLASS_LABEL[problemClass(c.reason)] },
          text(c.reason),
          { text: statusLabel(c.status, c.statusText) },
          c.refundFen === undefined ? null : { yuan: c.refundFen / 100 },
        ]),
      ),
    },
  ];
}
