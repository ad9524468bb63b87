/**
 * "这是什么状态？": a case whose status wording the reader does not know shows the page's wording, and
 * staff say which of its kind's statuses it is. Saved per host and case kind (listed and removable in
 * 设置 → 数据, carried by the settings export); the page is read again at once. Only the whole status
 * text the page showed in its status slot can be taught, never buyer text.
 */
import { useState } from 'preact/hooks';
import { send } from '../../lib/messaging/client';
import { STATUSES_OF_KIND, type CaseSnapshot, type CaseStatus } from '../../lib/shared/types';
import { STATUS_NAME } from '../../lib/ui/format';
import { useLang, useT } from '../../lib/ui/i18n';
import { FOCUS, focusSoon } from './focus';
import { pageHost } from './TeachLabels';

export function TeachStatus({ c }: { c: CaseSnapshot }) {
  const t = useT();
  const lang = useLang();
  const [choice, setChoice] = useState<CaseStatus | ''>('');
  const [said, setSaid] = useState<{ text: string; error?: boolean }>();
  const wording = c.statusText;
  if (c.status !== 'UNKNOWN' || !wording) return null;
  const save = async () => {
    if (!choice) return;
    try {
      await send({ type: 'statuses/teach', host: pageHost(), kind: c.kind, wording, status: choice });
      setSaid({ text: t('已记住“{label}”，正在重新读取页面…', { label: wording }) });
      // This section goes once the page is read again: the focus waits on the case's heading.
      focusSoon(FOCUS.caseView(c.disputeId));
    } catch (e) {
      setSaid({ text: e instanceof Error ? e.message : String(e), error: true });
    }
  };
  return (
    <section class="ar-teach" data-testid="teach-status" aria-label={t('这是什么状态？')}>
      <p class="ar-warn" data-testid="status-unread">
        {t('状态未读到：“{text}”', { text: wording })}
      </p>
      <label>
        {t('这是什么状态？')}{' '}
        <select
          aria-label={t('“{label}”的含义', { label: wording })}
          value={choice}
          onChange={(e) => setChoice((e.target as HTMLSelectElement).value as CaseStatus | '')}
        >
          <option value="">{t('选择状态…')}</option>
          {STATUSES_OF_KIND[c.kind].map((s) => (
            <option key={s} value={s}>
              {STATUS_NAME[s][lang === 'en' ? 'en' : 'zh']}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" disabled={!choice} onClick={() => void save()}>
        {t('保存')}
      </button>
      {said && (
        <p role={said.error ? 'alert' : 'status'} class={said.error ? 'ar-warn' : 'ar-muted'}>
          {said.text}
        </p>
      )}
    </section>
  );
}
