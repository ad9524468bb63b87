/**
 * The sidebar's diagnostics of the page's own data responses: fields the background switched off
 * because they disagreed with what the page shows (drift), and what it ignored. Plain text only.
 */
import type { DataNote } from '../../lib/page/calibration';
import { useT } from '../../lib/ui/i18n';

export function DataNotes({ notes }: { notes: readonly DataNote[] }) {
  const t = useT();
  const shown = notes.filter((n) => typeof n?.text === 'string').slice(0, 20);
  if (!shown.length) return null;
  const off = shown.filter((n) => n.level === 'off').length;
  return (
    <details class="ar-data-notes" data-testid="data-notes" open={off > 0}>
      <summary>{off ? t('页面数据校验：{n} 个字段与页面不符，已停用', { n: off }) : t('页面数据校验')}</summary>
      <ul>
        {shown.map((n, i) => (
          <li key={i} data-level={n.level}>
            {n.text.slice(0, 400)}
          </li>
        ))}
      </ul>
    </details>
  );
}
