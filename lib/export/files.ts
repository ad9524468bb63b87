/**
 * The file formats: .xlsx (write-excel-file) and UTF-8 CSV with a BOM (csv-stringify), from rows of
 * lib/export/ledger-rows.ts. Loaded only on demand: by the ledger export's worker (started from the
 * options page and the popup) and by the 日报 page when it exports (a dynamic import); never by the
 * content script or the background (test/unit/architecture.test.ts).
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import writeXlsxFile, { type Row } from 'write-excel-file/universal';
import type { ExportCell } from './ledger-rows';

/** Excel and WPS read a UTF-8 CSV as UTF-8 (not the system's GBK) only when it starts with this. */
export const BOM = '\uFEFF';

export interface Table {
  /** The sheet's name (at most 31 characters in Excel). */
  name: string;
  header: readonly string[];
  rows: ExportCell[][];
}

/** Text a spreadsheet would run as a formula (a reason starting with =, +, -, @). */
const FORMULA = /^[=+\-@\t\r]/;

/** A cell as CSV text (before quoting). */
function csvCell(c: ExportCell): string {
  if (c === null) return '';
  if ('yuan' in c) return c.yuan.toFixed(2);
  if ('num' in c) return String(c.num);
  if (/^\d{12,}$/.test(c.text)) return `${c.text}\t`;
  return FORMULA.test(c.text) ? `'${c.text}` : c.text;
}

/**
 * CSV lines for some rows, each ending in CRLF; fields with commas, quotes or line breaks quoted by
 * csv-stringify. With `header`, the file's start: the BOM and the header line first. A file can be
 * written a chunk of rows at a time (the pieces of a Blob), without one string for all of it.
 * Text that a spreadsheet would run as a formula gets a leading ' (shown as text). Ids get a trailing
 * tab, the usual way to make Excel and WPS open a long digit string as text, not 2.87E+18.
 */
export function csvLines(rows: readonly ExportCell[][], header?: readonly string[]): string {
  const records = rows.map((r) => r.map(csvCell));
  if (header) records.unshift([...header]);
  return stringify(records, { bom: !!header, record_delimiter: 'windows', quote_record_delimiter: true });
}

export const CSV_TYPE = 'text/csv;charset=utf-8';

/** Display width of text in Excel's character units (a Chinese character takes two). */
const widthOf = (s: string) => s.length + (s.match(/[\u0100-\uffff]/g)?.length ?? 0);

/** A column wide enough for its header and its first rows' values, within reason. */
function columnWidth(header: string, rows: ExportCell[][], i: number): number {
  let w = widthOf(header);
  for (const r of rows.slice(0, 200)) {
    const c = r[i];
    if (c) w = Math.max(w, 'text' in c ? widthOf(c.text.split('\n')[0]!) : 10);
  }
  return Math.min(40, Math.max(8, w + 2));
}

/** .xlsx bytes: a bold, frozen header row; money as numbers shown with two decimals; everything else as text. */
export async function toXlsx(tables: readonly Table[]): Promise<Blob> {
  const sheet = (t: Table) => {
    const data: Row[] = [t.header.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const }))];
    // Text and counts as bare values (the writer takes a string as text, a number as a number): a cell
    // object per value costs the writer twice the time on 100,000 rows. Money needs its format.
    for (const r of t.rows)
      data.push(
        r.map((c) =>
          c === null
            ? null
            : 'yuan' in c
              ? { value: c.yuan, type: Number, format: '0.00' }
              : 'num' in c
                ? c.num
                : c.text,
        ),
      );
    return {
      data,
      sheet: t.name.slice(0, 31),
      stickyRowsCount: 1,
      columns: t.header.map((h, i) => ({ width: columnWidth(h, t.rows, i) })),
    };
  };
  return writeXlsxFile(tables.map(sheet)).toBlob();
}
