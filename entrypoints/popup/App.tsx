import { useEffect, useState } from 'preact/hooks';
import { createDb, type CaseRecord } from '../../lib/storage/db';
import { listAll } from '../../lib/storage/cases';
import { CaseRow } from '../../lib/ui/case-row';

const db = createDb();

export function App() {
  const [cases, setCases] = useState<CaseRecord[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    listAll(db, 200).then(setCases, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return (
    <main class="ar-popup">
      <header class="ar-popup-head">
        <strong>售后雷达</strong>
        <span>AfterSales Radar</span>
      </header>
      {error && <p class="ar-warn" role="alert">读取本地台账失败：{error}</p>}
      {cases === undefined && !error && <p class="ar-muted">读取中…</p>}
      {cases && cases.length === 0 && (
        <p class="ar-first-run" data-testid="first-run">
          还没有记录任何售后单。请在卖家中心打开 <b>售后管理 → 退款管理</b>，售后雷达会自动读取页面上的售后单。
        </p>
      )}
      {cases && cases.length > 0 && (
        <ol class="ar-cases" data-testid="popup-cases">
          {cases.map((c) => (
            <CaseRow key={c.key} c={c} due={c.due} now={now} />
          ))}
        </ol>
      )}
    </main>
  );
}
