/**
 * 导出台账: the ledger, filtered, as .xlsx or CSV. Used by the options page (数据) and the popup. The
 * file is made in a worker (lib/export/ledger.worker.ts), which alone loads the file writers: neither
 * page pays for them up front, nor freezes while 100,000 cases are written.
 */
import { useState } from 'preact/hooks';
import { download } from '../export/download';
import type { ExportProgress, LedgerFormat } from '../export/ledger-file';
import type { LedgerFilter } from '../export/ledger-rows';
import { exportFileName, TIER_LABEL } from '../export/ledger-rows';
import type { LedgerJob, LedgerMessage } from '../export/ledger.worker';
import { CASE_KINDS } from '../shared/types';
import type { RadarDB } from '../storage/db';
import { KIND_LABEL, type Tier } from './format';
import { useT } from './i18n';

const TIERS: Tier[] = ['overdue', 'lt6h', 'lt24h', 'later', 'none'];

/** An export that staff cancelled. */
export class ExportCancelled extends Error {
  constructor() {
    super('export cancelled');
  }
}

/**
 * Make and download the file: the cases passing `filter` at `now`, as one sheet. Resolves to how many
 * rows it holds; `onProgress` hears where the worker is; aborting `signal` stops the worker at once
 * (nothing is downloaded) and rejects with ExportCancelled.
 */
export function exportLedger(
  db: RadarDB,
  filter: LedgerFilter,
  format: LedgerFormat,
  {
    now = Date.now(),
    onProgress,
    signal,
  }: { now?: number; onProgress?: (p: ExportProgress) => void; signal?: AbortSignal } = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ExportCancelled());
    const worker = new Worker(new URL('../export/ledger.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      // Nothing it had posted is heard after the end (a progress line would overwrite 已取消导出).
      worker.onmessage = null;
      signal?.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      stop();
      reject(new ExportCancelled());
    };
    signal?.addEventListener('abort', cancel);
    worker.onmessage = (e: MessageEvent<LedgerMessage>) => {
      const m = e.data;
      if ('progress' in m) return onProgress?.(m.progress);
      stop();
      if (!m.ok) return reject(new Error(m.error));
      download(m.blob, exportFileName('台账', now, format));
      resolve(m.count);
    };
    worker.onerror = (e) => {
      stop();
      reject(new Error(e.message || 'export worker failed'));
    };
    worker.postMessage({ db: db.name, filter, format, now } satisfies LedgerJob);
  });
}

export function LedgerExport({ db }: { db: RadarDB }) {
  const t = useT();
  const [filter, setFilter] = useState<LedgerFilter>({});
  /** The export under way (it can be cancelled), if any. */
  const [running, setRunning] = useState<AbortController | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const set = (patch: Partial<LedgerFilter>) =>
    setFilter((f) => Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v)));
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value || undefined;
  const run = async (format: 'xlsx' | 'csv') => {
    const abort = new AbortController();
    setRunning(abort);
    setMessage(t('正在导出…'));
    // A large ledger takes seconds (most of them writing an .xlsx): say where it is.
    const onProgress = (p: ExportProgress) =>
      setMessage(
        p.phase === 'reading'
          ? t('正在读取台账：{done} / {total} 单', {
              done: p.done.toLocaleString('en'),
              total: p.total.toLocaleString('en'),
            })
          : t(format === 'xlsx' ? '正在生成 Excel 文件…' : '正在生成 CSV 文件…'),
      );
    try {
      const n = await exportLedger(db, filter, format, { onProgress, signal: abort.signal });
      setMessage(t('已导出 {n} 单', { n }));
    } catch (e) {
      setMessage(
        e instanceof ExportCancelled
          ? t('已取消导出')
          : `${t('导出失败：')}${e instanceof Error ? e.message : String(e)}`,
      );
    } finally {
      setRunning(undefined);
    }
  };
  return (
    <div class="ar-export" data-testid="ledger-export">
      <div class="ar-export-filters">
        <label>
          {t('类型')}
          <select aria-label={t('类型')} onChange={(e) => set({ kind: value(e) as LedgerFilter['kind'] })}>
            <option value="">{t('全部')}</option>
            {CASE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(KIND_LABEL[k])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('状态')}
          <select aria-label={t('状态')} onChange={(e) => set({ status: value(e) as LedgerFilter['status'] })}>
            <option value="">{t('全部')}</option>
            <option value="open">{t('进行中')}</option>
            <option value="finished">{t('已结束')}</option>
          </select>
        </label>
        <label>
          {t('紧急程度')}
          <select aria-label={t('紧急程度')} onChange={(e) => set({ urgency: value(e) as Tier | undefined })}>
            <option value="">{t('全部')}</option>
            {TIERS.map((tier) => (
              <option key={tier} value={tier}>
                {t(TIER_LABEL[tier])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('申请日期从')}
          <input type="date" aria-label={t('申请日期从')} onInput={(e) => set({ from: value(e) })} />
        </label>
        <label>
          {t('至')}
          <input type="date" aria-label={t('申请日期至')} onInput={(e) => set({ to: value(e) })} />
        </label>
      </div>
      <div class="ar-export-buttons">
        <button type="button" disabled={!!running} onClick={() => void run('xlsx')}>
          {t('导出 Excel（.xlsx）')}
        </button>
        <button type="button" disabled={!!running} onClick={() => void run('csv')}>
          {t('导出 CSV')}
        </button>
        {running && (
          <button type="button" onClick={() => running.abort()}>
            {t('取消导出')}
          </button>
        )}
        {message && (
          <span role="status" data-testid="export-message">
            {message}
          </span>
        )}
      </div>
    </div>
  );
}
