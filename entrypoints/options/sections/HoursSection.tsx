/** Working hours and holidays, alert thresholds and quiet hours, the sidebar shortcut. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEFAULT_ALERTS, type AlertSettings } from '../../../lib/engine/alerts';
import type { WorkingHours } from '../../../lib/engine/policy';
import { ALERTS_KEY } from '../../../lib/storage/alert-settings';
import { HOLIDAYS_KEY, HOURS_KEY } from '../../../lib/storage/policy-store';
import { getSetting, putSetting } from '../shared';
import { SHORTCUT_KEY } from '../../../lib/storage/keys';
import { CockpitPart } from './CockpitPart';

const DAYS = ['一', '二', '三', '四', '五', '六', '日'];

export function HoursSection() {
  return (
    <>
      <WorkingHoursPart />
      <CockpitPart />
      <AlertsPart />
      <ShortcutPart />
    </>
  );
}

/** Working hours (for 「工作时间内还剩」) and holidays. */
function WorkingHoursPart() {
  const [hours, setHours] = useState<WorkingHours | null>(null);
  const [holidays, setHolidays] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void getSetting<WorkingHours>(HOURS_KEY).then((h) => setHours(h ?? null));
    void getSetting<string[]>(HOLIDAYS_KEY).then((h) => setHolidays((h ?? []).join('\n')));
  }, []);
  const wh = hours ?? { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };
  return (
    <>
      <h3>工作时间 Working hours</h3>
      <label class="row">
        <input
          type="checkbox"
          checked={!!hours}
          onChange={(e) => setHours((e.target as HTMLInputElement).checked ? wh : null)}
        />
        显示「工作时间内还剩」
      </label>
      {hours && (
        <div class="row wrap">
          {DAYS.map((d, i) => (
            <label key={d} class="row">
              <input
                type="checkbox"
                checked={hours.days.includes(i + 1)}
                onChange={(e) =>
                  setHours({
                    ...hours,
                    days: (e.target as HTMLInputElement).checked
                      ? [...hours.days, i + 1].sort()
                      : hours.days.filter((x) => x !== i + 1),
                  })
                }
              />
              周{d}
            </label>
          ))}
          <label>
            上班
            <input
              type="time"
              value={hours.start}
              onInput={(e) => setHours({ ...hours, start: (e.target as HTMLInputElement).value })}
            />
          </label>
          <label>
            下班
            <input
              type="time"
              value={hours.end}
              onInput={(e) => setHours({ ...hours, end: (e.target as HTMLInputElement).value })}
            />
          </label>
        </div>
      )}
      <label>
        节假日（每行一个日期，如 2026-10-01） Holidays
        <textarea rows={3} value={holidays} onInput={(e) => setHolidays((e.target as HTMLTextAreaElement).value)} />
      </label>
      <button
        type="button"
        onClick={async () => {
          await putSetting(HOURS_KEY, hours ?? undefined);
          await putSetting(
            HOLIDAYS_KEY,
            holidays.split(/\s+/).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)),
          );
          setSaved(true);
        }}
      >
        保存工作时间
      </button>
      {saved && <span class="ok"> 已保存</span>}
    </>
  );
}

/** Alert thresholds, alerts after the deadline, quiet hours. */
function AlertsPart() {
  const [alerts, setAlerts] = useState<AlertSettings>(DEFAULT_ALERTS);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void getSetting<AlertSettings>(ALERTS_KEY).then((a) => a && setAlerts(a));
  }, []);
  return (
    <>
      <h3>提醒 Alerts</h3>
      <label>
        提前提醒（小时，逗号分隔）
        <input
          value={alerts.thresholdsMin.map((m) => m / 60).join(',')}
          onChange={(e) =>
            setAlerts({
              ...alerts,
              thresholdsMin: (e.target as HTMLInputElement).value
                .split(/[,，\s]+/)
                .map(Number)
                .filter((h) => h > 0)
                .map((h) => h * 60),
            })
          }
        />
      </label>
      <label class="row">
        <input
          type="checkbox"
          checked={alerts.overdue}
          onChange={(e) => setAlerts({ ...alerts, overdue: (e.target as HTMLInputElement).checked })}
        />
        超时后也提醒
      </label>
      <label class="row">
        <input
          type="checkbox"
          checked={!!alerts.quietHours}
          onChange={(e) =>
            setAlerts({
              ...alerts,
              quietHours: (e.target as HTMLInputElement).checked ? { start: '22:00', end: '08:00' } : null,
            })
          }
        />
        免打扰时段
      </label>
      {alerts.quietHours && (
        <div class="row">
          <input
            type="time"
            value={alerts.quietHours.start}
            onInput={(e) =>
              setAlerts({
                ...alerts,
                quietHours: { ...alerts.quietHours!, start: (e.target as HTMLInputElement).value },
              })
            }
            aria-label="免打扰开始"
          />
          至
          <input
            type="time"
            value={alerts.quietHours.end}
            onInput={(e) =>
              setAlerts({ ...alerts, quietHours: { ...alerts.quietHours!, end: (e.target as HTMLInputElement).value } })
            }
            aria-label="免打扰结束"
          />
        </div>
      )}
      <button
        type="button"
        onClick={async () => {
          await putSetting(ALERTS_KEY, alerts);
          setSaved(true);
        }}
      >
        保存提醒设置
      </button>
      {saved && <span class="ok"> 已保存</span>}
    </>
  );
}

/** The sidebar's shortcut. */
function ShortcutPart() {
  const [shortcut, setShortcut] = useState('Alt+Shift+R');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void browser.storage.local
      .get(SHORTCUT_KEY)
      .then((s) => typeof s[SHORTCUT_KEY] === 'string' && setShortcut(s[SHORTCUT_KEY]));
  }, []);
  return (
    <>
      <h3>快捷键 Shortcut</h3>
      <label>
        展开/收起侧边栏（需要 Ctrl 或 Alt+Shift 等组合，不能只用 Alt+字母）
        <input value={shortcut} onInput={(e) => setShortcut((e.target as HTMLInputElement).value)} />
      </label>
      <button
        type="button"
        onClick={async () => {
          await browser.storage.local.set({ [SHORTCUT_KEY]: shortcut });
          setSaved(true);
        }}
      >
        保存快捷键
      </button>
      {saved && <span class="ok"> 已保存</span>}
    </>
  );
}
