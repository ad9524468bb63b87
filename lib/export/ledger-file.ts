/**
 * The ledger's export file: the cases passing the filters as .xlsx or CSV, and how many. Made in a
 * worker (lib/export/ledger.worker.ts) so the page stays responsive; here, apart from it, to be tested.
 */
import type { RadarDB } from '../storage/db';
import { CSV_TYPE, csvLines, toXlsx } from './files';
import { EXPORT_COLUMNS, readExportRows, type ExportCell, type LedgerFilter } from './ledger-rows';

export type LedgerFormat = 'xlsx' | 'csv';

export async function ledgerFile(
  db: RadarDB,
  filter: LedgerFilter,
  format: LedgerFormat,
  now: number,
): Promise<{ blob: Blob; count: number }> {
  if (format === 'csv') {
    // Written as the rows come, a chunk at a time: the Blob joins the pieces.
    const parts = [csvLines([], EXPORT_COLUMNS)];
    const count = await readExportRows(db, filter, now, (rows) => parts.push(csvLines(rows)));
    return { blob: new Blob(parts, { type: CSV_TYPE }), count };
  }
  // The .xlsx writer takes the whole sheet at once.
  const rows: ExportCell[][] = [];
  const count = await readExportRows(db, filter, now, (chunk) => {
    for (const r of chunk) rows.push(r);
  });
  return { blob: await toXlsx([{ name: '售后台账', header: EXPORT_COLUMNS, rows }]), count };
}
