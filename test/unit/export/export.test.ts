import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BOM, csvLines, toXlsx, type Table } from '../../../lib/export/files';
import { ledgerFile, type ExportProgress } from '../../../lib/export/ledger-file';
import {
  chinaText,
  EXPORT_COLUMNS,
  exportRow,
  matches,
  readExportRows,
  type ExportCell,
  type LedgerFilter,
} from '../../../lib/export/ledger-rows';
import { createDb, NO_DEADLINE, type CaseRecord, type RadarDB } from '../../../lib/storage/db';

const NOW = Date.parse('2026-12-03T21:00:00+08:00');
const LONG_ID = '2871400000795831234';
function rec(id: string, patch: Partial<CaseRecord> = {}): CaseRecord {
  const due =
    patch.due === undefined
      ? {
          at: '2026-12-04T01:00:00+08:00',
          basis: 'page' as const,
          consequence: 'auto-agree' as const,
          actor: 'seller' as const,
        }
      : patch.due;
  return {
    platform: 'tmall',
    disputeId: id,
    orderId: '4012345678901234567',
    kind: 'refund',
    refundType: '退货退款',
    status: 'WAIT_SELLER_AGREE',
    statusText: '退款待处理',
    flags: {},
    refundFen: 1230,
    appliedAt: '2026-12-02T10:15:00+08:00',
    reason: '质量问题',
    key: `tmall:${id}`,
    firstSeenAt: '2026-12-02T10:20:00+08:00',
    lastSeenAt: '2026-12-03T20:00:00+08:00',
    lastSource: { page: 'refund-list', url: 'https://example.invalid/', readAt: '2026-12-03T20:00:00+08:00' },
    open: 1,
    deadlineAt: due ? Date.parse(due.at) : NO_DEADLINE,
    amountFen: 1230,
    ...patch,
    due,
  };
}
const col = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name);
const table = (recs: CaseRecord[]): Table => ({
  name: '售后台账',
  header: EXPORT_COLUMNS,
  rows: recs.map((r) => exportRow(r, NOW)),
});
const tricky = rec(LONG_ID, {
  reason: '尺码不对, 太 "大" 了\n第二行',
  staff: { handled: true, note: '已联系，买家说：“明天寄回”\r\n备注,二' },
});

describe('export rows', () => {
  it('keeps ids as text, money in yuan, China times, the deadline, its basis and the handled mark and note', () => {
    const row = exportRow(tricky, NOW);
    expect(row.length).toBe(EXPORT_COLUMNS.length);
    expect(row[col('售后单号')]).toEqual({ text: LONG_ID });
    expect(row[col('订单编号')]).toEqual({ text: '4012345678901234567' });
    // Each case's shop (issue 32): one ledger holds several shops' cases.
    expect(exportRow(rec('2', { shop: '青禾家居旗舰店' }), NOW)[col('店铺')]).toEqual({ text: '青禾家居旗舰店' });
    expect(row[col('店铺')]).toBeNull();
    expect(row[col('退款金额（元）')]).toEqual({ yuan: 12.3 });
    expect(row[col('申请时间')]).toEqual({ text: '2026-12-02 10:15:00' });
    expect(row[col('时限（北京时间）')]).toEqual({ text: '2026-12-04 01:00:00' });
    expect(row[col('时限依据')]).toEqual({ text: '页面倒计时' });
    expect(row[col('到期动作')]).toEqual({ text: '自动同意' });
    expect(row[col('紧急程度')]).toEqual({ text: '6 小时内' });
    expect(row[col('已处理')]).toEqual({ text: '是' });
    expect(chinaText('2026-12-03T13:00:00.000Z')).toBe('2026-12-03 21:00:00');
    expect(chinaText('2026-12-03T21:00:00+08:00')).toBe('2026-12-03 21:00:00');
    expect(
      exportRow(
        rec('1', {
          due: { at: '2026-12-10T00:00:00+08:00', basis: 'rule', consequence: 'auto-close', actor: 'buyer' },
        }),
        NOW,
      )[col('时限依据')],
    ).toEqual({ text: '规则估算' });
    expect(
      exportRow(rec('2', { due: null, open: 0, status: 'SUCCESS', statusText: '退款成功' }), NOW)[col('紧急程度')],
    ).toEqual({ text: '已结束' });
  });

  it('CSV: a BOM, CRLF lines, quoted commas, quotes and line breaks, 19-digit ids exact, yuan with two decimals, no formulas', () => {
    const csv = csvLines(table([tricky, rec('3', { reason: '=HYPERLINK("x")', refundFen: 5 })]).rows, EXPORT_COLUMNS);
    expect(csv.startsWith(BOM)).toBe(true);
    // The text itself, as Excel reads it: quoted fields with doubled quotes, CRLF after every line.
    expect(csv).toContain(`\r\n${LONG_ID}\t,4012345678901234567\t,天猫,`);
    expect(csv).toContain(',"尺码不对, 太 ""大"" 了\n第二行",');
    expect(csv).toContain(',"\'=HYPERLINK(""x"")",');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1, 40)).toMatch(/^售后单号,订单编号,平台/);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, first, second] = parsed.data;
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(first![col('售后单号')]!.trim()).toBe(LONG_ID);
    expect(first![col('订单编号')]!.trim()).toBe('4012345678901234567');
    expect(first![col('原因')]).toBe('尺码不对, 太 "大" 了\n第二行');
    expect(first![col('备注')]).toBe('已联系，买家说：“明天寄回”\r\n备注,二');
    expect(first![col('退款金额（元）')]).toBe('12.30');
    expect(second![col('退款金额（元）')]).toBe('0.05');
    expect(second![col('原因')]).toBe('\'=HYPERLINK("x")');
    expect(parsed.data.length).toBe(3);
  });

  it('XLSX: read back with a real parser, ids as text with every digit, money as numbers, the text as written', async () => {
    const blob = await toXlsx([table([tricky, rec('4', { refundFen: 199900 })])]);
    const rows = await readSheet(await blob.arrayBuffer());
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows[1]![col('售后单号')]).toBe(LONG_ID);
    expect(rows[1]![col('原因')]).toBe('尺码不对, 太 "大" 了\n第二行');
    expect(rows[1]![col('退款金额（元）')]).toBe(12.3);
    expect(rows[2]![col('退款金额（元）')]).toBe(1999);
    expect(rows[1]![col('已处理')]).toBe('是');
  });
});

describe('export filters', () => {
  let db: RadarDB;
  afterEach(async () => db?.delete());
  const cases = [
    rec('10', { kind: 'refund' }),
    rec('11', {
      kind: 'exchange',
      appliedAt: '2026-11-20T10:00:00+08:00',
      due: { at: '2026-12-01T00:00:00+08:00', basis: 'rule', consequence: 'auto-agree', actor: 'seller' },
    }),
    rec('12', { kind: 'postage', open: 0, status: 'POSTAGE_PAID', due: null, lastSeenAt: '2026-12-03T10:00:00+08:00' }),
    rec('13', {
      kind: 'refund',
      open: 0,
      status: 'SUCCESS',
      due: null,
      appliedAt: undefined,
      firstSeenAt: '2026-11-30T23:30:00+08:00',
      lastSeenAt: '2026-12-03T11:00:00+08:00',
    }),
  ];
  it('by kind, status, urgency and 申请 date (China dates, inclusive)', () => {
    const ids = (f: Parameters<typeof matches>[1]) => cases.filter((c) => matches(c, f, NOW)).map((c) => c.disputeId);
    expect(ids({})).toEqual(['10', '11', '12', '13']);
    expect(ids({ kind: 'refund' })).toEqual(['10', '13']);
    expect(ids({ status: 'open' })).toEqual(['10', '11']);
    expect(ids({ status: 'finished' })).toEqual(['12', '13']);
    expect(ids({ urgency: 'overdue' })).toEqual(['11']);
    expect(ids({ from: '2026-12-02', to: '2026-12-02' })).toEqual(['10', '12']);
    expect(ids({ to: '2026-11-30' })).toEqual(['11', '13']);
  });
  /** The exported rows' ids, in order, and the chunk sizes they came in. */
  async function read(f: LedgerFilter) {
    const chunks: ExportCell[][][] = [];
    const count = await readExportRows(db, f, NOW, (rows) => chunks.push(rows));
    const ids = chunks.flat().map((r) => (r[col('售后单号')] as { text: string }).text);
    expect(ids.length).toBe(count);
    return { ids, sizes: chunks.map((c) => c.length) };
  }
  it('reads the ledger: open cases most urgent first, then finished ones, latest seen first', async () => {
    db = createDb('export-1');
    await db.cases.bulkPut(cases);
    expect((await read({})).ids).toEqual(['11', '10', '13', '12']);
    expect((await read({ status: 'finished', kind: 'postage' })).ids).toEqual(['12']);
    expect((await read({ urgency: 'overdue' })).ids).toEqual(['11']);
    expect((await read({ kind: 'exchange', status: 'finished' })).ids).toEqual([]);
    // Open cases with no known deadline come after those with one, in key order (the urgency index's).
    await db.cases.bulkPut([rec('15', { due: null }), rec('14', { due: null })]);
    expect((await read({ status: 'open' })).ids).toEqual(['11', '10', '14', '15']);
  });
});

describe('the ledger file (what the export worker makes)', () => {
  // More cases than one chunk of rows (2,000): the file is written a chunk at a time.
  const N = 2_400;
  let db: RadarDB;
  let recs: CaseRecord[];
  let byId: Map<string, CaseRecord>;
  beforeAll(async () => {
    db = createDb('export-file');
    recs = many();
    byId = new Map(recs.map((r) => [r.disputeId, r]));
    await db.cases.bulkPut(recs);
  });
  afterAll(async () => db?.delete());
  const many = () =>
    Array.from({ length: N }, (_, i) => {
      const id = String(2871400000000000000n + BigInt(i));
      return i % 3 === 0
        ? rec(id, {
            open: 0,
            status: 'SUCCESS',
            statusText: '退款成功',
            due: null,
            refundFen: i,
            lastSeenAt: `2026-12-0${1 + (i % 3)}T${String(i % 24).padStart(2, '0')}:00:00+08:00`,
          })
        : rec(id, {
            refundFen: i,
            reason: i === 1 ? '颜色, "不对"\n换一件' : '质量问题',
            due: { at: toChina(NOW + i * 60_000), basis: 'page', consequence: 'auto-agree', actor: 'seller' },
          });
    });
  const toChina = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';

  it('CSV: one BOM and one header however many chunks, every case once in the ledger order, exact ids and yuan', async () => {
    const { blob, count } = await ledgerFile(db, {}, 'csv', NOW);
    expect(count).toBe(N);
    expect(blob.type).toMatch(/^text\/csv/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.indexOf('\uFEFF', 1)).toBe(-1);
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual([...EXPORT_COLUMNS]);
    const ids = rows.map((r) => r[col('售后单号')]!.trim());
    const open = recs.filter((r) => r.open === 1).sort((a, b) => a.deadlineAt - b.deadlineAt);
    const finished = recs.filter((r) => r.open === 0).sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
    expect(ids.slice(0, open.length)).toEqual(open.map((r) => r.disputeId));
    expect(new Set(ids.slice(open.length))).toEqual(new Set(finished.map((r) => r.disputeId)));
    const seen = ids.slice(open.length).map((id) => byId.get(id)!.lastSeenAt);
    expect(seen).toEqual([...seen].sort().reverse());
    const second = rows.find((r) => r[col('售后单号')]!.trim() === recs[1]!.disputeId)!;
    expect(second[col('原因')]).toBe('颜色, "不对"\n换一件');
    expect(second[col('退款金额（元）')]).toBe('0.01');
    expect(rows.find((r) => r[col('售后单号')]!.trim() === recs[2_399]!.disputeId)![col('退款金额（元）')]).toBe(
      '23.99',
    );
  });

  it('says where it is: the cases read out of all stored, rising to all of them, then the writing', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const heard: ExportProgress[] = [];
      // Filtered: what is read is the whole ledger, what is written only the finished cases.
      await ledgerFile(db, { status: 'finished' }, format, NOW, (p) => heard.push(p));
      const reading = heard.flatMap((p) => (p.phase === 'reading' ? [p] : []));
      expect(reading[0], format).toEqual({ phase: 'reading', done: 0, total: N });
      expect(reading.at(-1), format).toEqual({ phase: 'reading', done: N, total: N });
      const done = reading.map((p) => p.done);
      expect(done, format).toEqual([...done].sort((a, b) => a - b));
      expect(heard.slice(reading.length), format).toEqual([{ phase: 'writing' }]);
    }
  });

  it('CSV and .xlsx honour the filters; the .xlsx reads back with ids as text and money as numbers', async () => {
    const f: LedgerFilter = { status: 'finished' };
    const finished = recs.filter((r) => r.open === 0);
    const csv = await ledgerFile(db, f, 'csv', NOW);
    expect(csv.count).toBe(finished.length);
    const { blob, count } = await ledgerFile(db, f, 'xlsx', NOW);
    expect(count).toBe(finished.length);
    const rows = await readSheet(await blob.arrayBuffer());
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows.length).toBe(finished.length + 1);
    expect(new Set(rows.slice(1).map((r) => r[col('售后单号')]))).toEqual(new Set(finished.map((r) => r.disputeId)));
    const r3 = rows.find((r) => r[col('售后单号')] === recs[3]!.disputeId)!;
    expect(r3[col('退款金额（元）')]).toBe(0.03);
    expect(r3[col('紧急程度')]).toBe('已结束');
  });
});
