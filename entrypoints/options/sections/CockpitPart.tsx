/** 售后工作台's cockpit: after how many hours unread a case counts as stale (久未刷新). */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_STALE_HOURS, STALE_HOURS_KEY } from '../../../lib/storage/cockpit';
import { getSetting, putSetting } from '../shared';

export function CockpitPart() {
  const [hours, setHours] = useState(DEFAULT_STALE_HOURS);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void getSetting<number>(STALE_HOURS_KEY).then((h) => typeof h === 'number' && setHours(h));
  }, []);
  return (
    <>
      <h3>售后工作台 Workbench</h3>
      <p class="muted">
        工作台侧边栏的「下班前」按上面的工作时间和节假日推算下次上班时间（未设置时按周一至周五 09:00–18:00）。
      </p>
      <label class="row">
        超过
        <input
          type="number"
          min="1"
          max="168"
          value={hours}
          aria-label="久未刷新（小时）"
          onInput={(e) => setHours(Number((e.target as HTMLInputElement).value))}
        />
        小时未读取、48 小时内到期的售后单列为「久未刷新」
      </label>
      <button
        type="button"
        onClick={async () => {
          await putSetting(
            STALE_HOURS_KEY,
            Number.isFinite(hours) && hours >= 1 ? Math.min(168, hours) : DEFAULT_STALE_HOURS,
          );
          setSaved(true);
        }}
      >
        保存
      </button>
      {saved && <span class="ok"> 已保存</span>}
    </>
  );
}
