/**
 * The ledger export's worker: reads the ledger and writes the file off the page's thread, so the
 * options page and the popup keep answering while 100,000 cases are written. It opens the page's
 * database by name (workers share the extension's origin) and answers with the file as a Blob.
 * Started by lib/ui/ledger-export.tsx, one per export.
 */
import { createDb } from '../storage/db';
import { ledgerFile, type ExportProgress, type LedgerFormat } from './ledger-file';
import type { LedgerFilter } from './ledger-rows';

export interface LedgerJob {
  db: string;
  filter: LedgerFilter;
  format: LedgerFormat;
  now: number;
}
export type LedgerAnswer = { ok: true; blob: Blob; count: number } | { ok: false; error: string };
/** What the worker posts: where it is (any number of times), then its answer (once). */
export type LedgerMessage = { progress: ExportProgress } | LedgerAnswer;

/** The reason a message is not a job, or null. */
function problem(m: unknown): string | null {
  if (typeof m !== 'object' || m === null) return 'not an object';
  const j = m as Partial<LedgerJob>;
  if (typeof j.db !== 'string' || !j.db) return 'no database name';
  if (j.format !== 'xlsx' && j.format !== 'csv') return `unknown format: ${String(j.format)}`;
  if (typeof j.now !== 'number' || !Number.isFinite(j.now)) return 'no time';
  if (typeof j.filter !== 'object' || j.filter === null) return 'no filter';
  return null;
}

self.onmessage = async (e: MessageEvent<unknown>) => {
  const reply = (a: LedgerMessage) => self.postMessage(a);
  const why = problem(e.data);
  if (why) return reply({ ok: false, error: `bad export job: ${why}` });
  const job = e.data as LedgerJob;
  const db = createDb(job.db);
  try {
    reply({ ok: true, ...(await ledgerFile(db, job.filter, job.format, job.now, (progress) => reply({ progress }))) });
  } catch (err) {
    reply({ ok: false, error: err instanceof Error ? err.message : String(err) });
  } finally {
    db.close();
  }
};
