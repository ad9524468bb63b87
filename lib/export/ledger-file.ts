/**
 * The ledger's export file: the cases passing the filters as .xlsx or CSV, and how many. Made in a
 * worker (lib/export/ledger.worker.ts) so the page stays responsive; here, apart from it, to be tested.
 */
import type { RadarDB } from '../storage/db';
import { CSV_TYPE, csvLines, toXlsx } from './files';
import { EXPORT_COLUMNS, readExportRows, type ExportCell, type LedgerFilter } from './ledger-rows';

export type LedgerFormat = 'xlsx' | 'csv';

/** Where an export is: reading the ledger (cases read of all stored), or writing the file. */
export type ExportProgress = { phase: 'reading'; done: number; total: number } | { phase: 'writing' };

export async function ledgerFile(
  db: RadarDB,
  filter: LedgerFilter,
  format: LedgerFormat,
  now: number,
  onProgress: (p: ExportProgress) => void = () => {},
): Promise<{ blob: Blob; count: number }> {
  const reading = (done: number, total: number) => onProgress({ phase: 'reading', done, total });
  if (format === 'csv') {
    // Written as the rows come, a chunk at a time: the Blob joins the pieces.
    const parts = [csvLines([], EXPORT_COLUMNS)];
    const count = await readExportRows(
      db,
      filter,
      now,
      (rows) => {
        if (parts.length === 1) onProgress({ phase: 'writing' });
        parts.push(csvLines(rows));
      },
      reading,
    );
    return { blob: new Blob(parts, { type: CSV_TYPE }), count };
  }
  // The .xlsx writer takes the whole sheet at once: most of a large export's time is spent in it.
  const rows: ExportCell[][] = [];
  const count = await readExportRows(
    db,
    filter,
    now,
    (chunk) => {
      for (const r of chunk) rows.push(r);
    },
    reading,
  );
  onProgress({ phase: 'writing' });
  return { blob: await toXlsx([{ name: '售后台账', header: EXPORT_COLUMNS, rows }]), count };
}
