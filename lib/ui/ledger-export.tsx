/**
 * 导出台账: the ledger, filtered, as .xlsx or CSV. Used by the options page (数据) and the popup; the
 * file writers load only when a file is made (a dynamic import), so neither page pays for them up front.
 */
import { useState } from 'preact/hooks';
import type { LedgerFilter } from '../export/ledger-rows';
import { EXPORT_COLUMNS, exportFileName, exportRow, selectForExport, TIER_LABEL } from '../export/ledger-rows';
import { CASE_KINDS } from '../shared/types';
import type { RadarDB } from '../storage/db';
import { KIND_LABEL, type Tier } from './format';
import { useT } from './i18n';

const TIERS: Tier[] = ['overdue', 'lt6h', 'lt24h', 'later', 'none'];

/** Make the file: the cases passing `filter` at `now`, as one sheet. Returns how many rows it holds. */
export async function exportLedger(
  db: RadarDB,
  filter: LedgerFilter,
  format: 'xlsx' | 'csv',
  now = Date.now(),
): Promise<number> {
  const [cases, files] = await Promise.all([selectForExport(db, filter, now), import('../export/files')]);
  const table = { name: '售后台账', header: EXPORT_COLUMNS, rows: cases.map((c) => exportRow(c, now)) };
  const blob =
    format === 'xlsx'
      ? await files.toXlsx([table])
      : new Blob([files.toCsv(table)], { type: 'text/csv;charset=utf-8' });
  files.download(blob, exportFileName('台账', now, format));
  return cases.length;
}

export function LedgerExport({ db }: { db: RadarDB }) {
  const t = useT();
  const [filter, setFilter] = useState<LedgerFilter>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const set = (patch: Partial<LedgerFilter>) =>
    setFilter((f) => Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v)));
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value || undefined;
  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    setMessage(undefined);
    try {
      const n = await exportLedger(db, filter, format);
      setMessage(t('已导出 {n} 单', { n }));
    } catch (e) {
      setMessage(`${t('导出失败：')}${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
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
        <button type="button" disabled={busy} onClick={() => void run('xlsx')}>
          {t('导出 Excel（.xlsx）')}
        </button>
        <button type="button" disabled={busy} onClick={() => void run('csv')}>
          {t('导出 CSV')}
        </button>
        {message && (
          <span role="status" data-testid="export-message">
            {message}
          </span>
        )}
      </div>
    </div>
  );
}
