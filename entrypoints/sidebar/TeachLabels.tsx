/**
 * "教一教": when the page is missing fields we expect, staff say what the page's unknown labels
 * mean, from a menu of our fields (or ignore them). The choice is saved per host in the ledger's
 * settings, travels in the settings export, and the page is read again at once. It only ever adds
 * labels; it cannot make the reader map a field by position or class name.
 */
import { useState } from 'preact/hooks';
import { send } from '../../lib/messaging/client';
import { TEACHABLE_FIELDS } from '../../lib/page/vocabulary';
import { FOCUS, focusSoon } from './focus';
import { useLang, useT } from '../../lib/ui/i18n';

export function TeachLabels({ labels, host }: { labels: string[]; host: string }) {
  const t = useT();
  const lang = useLang();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [said, setSaid] = useState<{ label: string; text: string; error?: boolean }>();
  const save = async (label: string) => {
    const meaning = choice[label];
    if (!meaning) return;
    try {
      await send({ type: 'labels/teach', host, label, meaning });
      setSaid({ label, text: t('已记住“{label}”，正在重新读取页面…', { label }) });
      // This section goes once the page is read again: the focus goes to the first case listed.
      focusSoon(FOCUS.listed(0));
    } catch (e) {
      setSaid({ label, text: e instanceof Error ? e.message : String(e), error: true });
    }
  };
  return (
    <section class="ar-teach" data-testid="teach" aria-label={t('教一教：页面上的这些标签是什么意思？')}>
      <h3>{t('教一教：页面上的这些标签是什么意思？')}</h3>
      <p class="ar-muted">
        {t('只会增加标签，不会按位置或样式猜测。可在 设置 → 数据 中查看、删除，并随设置导出给同事。')}
      </p>
      <ul>
        {labels.map((label) => (
          <li key={label} data-label={label}>
            <span class="ar-teach-label">{label}</span>
            <select
              aria-label={t('“{label}”的含义', { label })}
              value={choice[label] ?? ''}
              onChange={(e) => setChoice({ ...choice, [label]: (e.target as HTMLSelectElement).value })}
            >
              <option value="">{t('选择含义…')}</option>
              {TEACHABLE_FIELDS.map((f) => (
                <option key={f.field} value={f.field}>
                  {lang === 'en' ? f.en : f.zh}
                </option>
              ))}
              <option value="ignore">{t('忽略（不是售后信息）')}</option>
            </select>
            <button type="button" disabled={!choice[label]} onClick={() => void save(label)}>
              {t('保存')}
            </button>
          </li>
        ))}
      </ul>
      {said && (
        <p role={said.error ? 'alert' : 'status'} class={said.error ? 'ar-warn' : 'ar-muted'}>
          {said.text}
        </p>
      )}
    </section>
  );
}

/** The seller host this sidebar is framed into (the content script names it in the frame's address). */
export function pageHost(): string {
  return new URLSearchParams(location.hash.replace(/^#/, '')).get('host') ?? '';
}
