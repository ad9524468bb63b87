/** Export, import, retention, clear all. */
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../../../lib/messaging/client';
import { DEFAULT_RETENTION_DAYS, RETENTION_KEY } from '../../../lib/storage/alert-settings';
import { chinaToday, db, getSetting, putSetting, settingsChanged } from '../shared';
import { LedgerExport } from '../../../lib/ui/ledger-export';
import { download, JSON_TYPE } from '../../../lib/export/download';
import { TaughtLabels } from './TaughtLabels';
import { TaughtStatuses } from './TaughtStatuses';

export function DataSection() {
  const [includeBuyer, setIncludeBuyer] = useState(true);
  const [days, setDays] = useState(DEFAULT_RETENTION_DAYS);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [counts, setCounts] = useState({ cases: 0, events: 0 });
  const refresh = () =>
    void Promise.all([db.cases.count(), db.events.count()]).then(([cases, events]) => setCounts({ cases, events }));
  useEffect(() => {
    refresh();
    void getSetting<number>(RETENTION_KEY).then((d) => d && setDays(d));
  }, []);
  return (
    <>
      <p class="muted" data-testid="data-counts">
        本地台账：{counts.cases} 个售后单，{counts.events} 条记录。
      </p>
      <h3>导出台账 Excel / CSV</h3>
      <p class="muted">
        按条件导出本浏览器记录的售后单：Excel 和 WPS
        可直接打开（售后单号、订单编号为文本，金额单位为元，时间为北京时间）。
      </p>
      <LedgerExport db={db} />
      <h3>导出 Export</h3>
      <label class="row">
        <input
          type="checkbox"
          checked={includeBuyer}
          onChange={(e) => setIncludeBuyer((e.target as HTMLInputElement).checked)}
        />
        包含买家昵称（已打码）
      </label>
      <button
        type="button"
        onClick={async () => {
          const r = await ask({ type: 'data/export', includeBuyer });
          if (!r.ok) return setMessage({ ok: false, text: r.error });
          download(new Blob([JSON.stringify(r.value)], { type: JSON_TYPE }), `售后雷达-导出-${chinaToday()}.json`);
        }}
      >
        导出全部数据
      </button>
      <h3>导入 Import</h3>
      <p class="muted">导入会与现有数据合并，不会删除任何数据；本机的备注和处理标记优先。</p>
      <label class="file">
        选择导出文件
        <input
          type="file"
          accept="application/json,.json"
          aria-label="选择导出文件"
          onChange={async (e) => {
            const file = (e.target as HTMLInputElement).files?.[0];
            if (!file) return;
            const r = await ask({ type: 'data/import', text: await file.text() });
            if (!r.ok) return setMessage({ ok: false, text: `导入失败：${r.error}` });
            await settingsChanged();
            refresh();
            const v = r.value;
            setMessage({
              ok: true,
              text: `导入完成：新增 ${v.cases.added} 单，更新 ${v.cases.updated} 单，${v.events} 条记录，${v.policies} 条承诺，${v.replies} 个模板，${v.settings} 项设置`,
            });
          }}
        />
      </label>
      <h3>保留期限 Retention</h3>
      <label class="row">
        已结束的售后单保留
        <input
          type="number"
          min="1"
          max="3650"
          value={days}
          onInput={(e) => setDays(Number((e.target as HTMLInputElement).value))}
          aria-label="保留天数"
        />
        天
      </label>
      <button
        type="button"
        onClick={async () => {
          if (!(days >= 1)) return;
          await putSetting(RETENTION_KEY, Math.round(days));
          const r = await ask({ type: 'data/prune', days: Math.round(days) });
          refresh();
          setMessage(
            r.ok
              ? { ok: true, text: `已保存；清理了 ${r.value.removed} 个过期的已结束售后单` }
              : { ok: false, text: r.error },
          );
        }}
      >
        保存并立即清理
      </button>
      <h3>清空 Clear</h3>
      <button
        type="button"
        class="danger"
        onClick={async () => {
          if (!confirm('确定清空全部数据？所有售后单、记录、承诺、模板和设置都会被删除，且无法恢复。建议先导出。'))
            return;
          const r = await ask({ type: 'data/clear', confirm: '清空全部数据' });
          await settingsChanged();
          refresh();
          setMessage(r.ok ? { ok: true, text: '已清空全部数据' } : { ok: false, text: r.error });
        }}
      >
        清空全部数据
      </button>
      {message && (
        <p class={message.ok ? 'ok' : 'bad'} role="status" data-testid="data-message">
          {message.text}
        </p>
      )}
      <TaughtLabels />
      <TaughtStatuses />
    </>
  );
}
