import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createDb, type CaseRecord } from '../../lib/storage/db';
import { listUrgent } from '../../lib/storage/cases';
import { digestSince, LAST_LOOKED_KEY, type Digest } from '../../lib/storage/digest';
import { CaseRow } from '../../lib/ui/case-row';
import { KIND_LABEL, tierOf, type Tier } from '../../lib/ui/format';
import { toChinaIso } from '../../lib/shared/china-time';
import type { CaseKind } from '../../lib/shared/types';

const db = createDb();
const GROUPS: Tier[] = ['overdue', 'lt6h', 'lt24h', 'later', 'none'];
const GROUP_TITLE: Record<Tier, string> = { overdue: '已超时', lt6h: '6 小时内', lt24h: '24 小时内', later: '24 小时后', none: '时限未知' };

function open(key: string) {
  void browser.runtime.sendMessage({ type: 'case/open', key }).then(() => window.close());
}

function DigestLine({ d }: { d: Digest }) {
  if (!d.since) return null;
  const parts = [d.newCases && `新增 ${d.newCases} 单`, d.statusChanges.length && `状态变化 ${d.statusChanges.length} 次`, d.autoActions.length && `平台自动处理 ${d.autoActions.length} 单`].filter(Boolean);
  return (
    <p class="ar-digest" data-testid="digest">
      自上次查看以来：{parts.length ? parts.join('，') : '没有变化'}
    </p>
  );
}

export function App() {
  const [cases, setCases] = useState<CaseRecord[] | undefined>();
  const [total, setTotal] = useState(0);
  const [digest, setDigest] = useState<Digest | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    (async () => {
      const [urgent, count, last] = await Promise.all([listUrgent(db, 200), db.cases.count(), db.settings.get(LAST_LOOKED_KEY)]);
      setCases(urgent);
      setTotal(count);
      setDigest(await digestSince(db, typeof last?.value === 'string' ? last.value : null));
      await db.settings.put({ key: LAST_LOOKED_KEY, value: toChinaIso(Date.now()) });
    })().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);

  const shown = useMemo(() => {
    const q = query.trim();
    return (cases ?? []).filter((c) => !q || c.disputeId.includes(q) || (c.orderId ?? '').includes(q));
  }, [cases, query]);
  const counts = useMemo(() => {
    const out: Record<CaseKind, number> = { refund: 0, exchange: 0, postage: 0 };
    for (const c of cases ?? []) out[c.kind]++;
    return out;
  }, [cases]);

  return (
    <main class="ar-popup">
      <header class="ar-popup-head">
        <strong>售后雷达</strong>
        <span>AfterSales Radar</span>
        <a class="ar-options" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          设置
        </a>
      </header>
      {error && (
        <p class="ar-warn" role="alert">
          读取本地台账失败：{error}
        </p>
      )}
      {cases === undefined && !error && <p class="ar-muted">读取中…</p>}
      {cases && total === 0 && (
        <p class="ar-first-run" data-testid="first-run">
          还没有记录任何售后单。请在卖家中心打开 <b>售后管理 → 退款管理</b>（或换货管理、退货邮费），售后雷达会自动读取页面上的售后单，并在平台自动处理前提醒您。
        </p>
      )}
      {cases && total > 0 && (
        <>
          {digest && <DigestLine d={digest} />}
          <p class="ar-counts" data-testid="counts">
            进行中：{(Object.keys(counts) as CaseKind[]).map((k) => `${KIND_LABEL[k]} ${counts[k]}`).join(' · ')}
          </p>
          <input class="ar-search" type="search" placeholder="搜索订单编号 / 售后单号" aria-label="搜索订单编号或售后单号" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
          {shown.length === 0 && <p class="ar-muted">没有进行中的售后单{query ? '符合搜索' : ''}。</p>}
          {GROUPS.map((g) => {
            const rows = shown.filter((c) => tierOf(c.due ? Date.parse(c.due.at) : undefined, now) === g);
            if (!rows.length) return null;
            return (
              <section key={g} class={`ar-group ar-group-${g}`} data-group={g}>
                <h2>
                  {GROUP_TITLE[g]} <span>{rows.length}</span>
                </h2>
                <ol class="ar-cases">
                  {rows.map((c) => (
                    <CaseRow key={c.key} c={c} due={c.due} now={now} onSelect={() => open(c.key)} />
                  ))}
                </ol>
              </section>
            );
          })}
          <p class="ar-muted">共记录 {total} 单（含已结束）。</p>
        </>
      )}
    </main>
  );
}
