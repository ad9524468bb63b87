import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CaseSnapshot } from '../../../lib/shared/types';
import { CaseRow, deadlineMs } from '../../../lib/ui/case-row';
import { ACTION_LABEL, formatFen, formatLeft, PAGE_LABEL, PLATFORM_LABEL, statusLabel, tierOf } from '../../../lib/ui/format';
import { HOUR_MS } from '../../../lib/shared/china-time';
import { shownReading, type SidebarState, type SidebarStore } from './store';

function useStore(store: SidebarStore): SidebarState {
  const [state, setState] = useState(store.get());
  useEffect(() => {
    const off = store.subscribe(setState);
    // The page may have been read between the first render and this effect.
    setState(store.get());
    return () => {
      off();
    };
  }, [store]);
  return state;
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** A 1,000-row sale-day page lists its most urgent cases; the summary still counts them all. */
const MAX_LISTED = 100;

const byUrgency = (a: CaseSnapshot, b: CaseSnapshot) => (deadlineMs(a) ?? Infinity) - (deadlineMs(b) ?? Infinity);

function Summary({ cases, now }: { cases: CaseSnapshot[]; now: number }) {
  const withDue = cases.map((c) => deadlineMs(c));
  const due24 = withDue.filter((d) => d !== undefined && d - now < 24 * HOUR_MS && d > now).length;
  const overdue = withDue.filter((d) => d !== undefined && d <= now).length;
  const atStake = cases.reduce((sum, c) => sum + ((c.kind === 'postage' ? c.postageFen : c.refundFen) ?? 0), 0);
  return (
    <dl class="ar-summary" data-testid="summary">
      <div><dt>本页售后</dt><dd>{cases.length}</dd></div>
      <div><dt>24小时内到期</dt><dd class={due24 ? 'ar-hot' : ''}>{due24}</dd></div>
      <div><dt>已超时</dt><dd class={overdue ? 'ar-hot' : ''}>{overdue}</dd></div>
      <div><dt>涉及金额</dt><dd>{formatFen(atStake)}</dd></div>
    </dl>
  );
}

function CaseView({ c, now, onBack }: { c: CaseSnapshot; now: number; onBack?: () => void }) {
  const due = deadlineMs(c);
  const tier = tierOf(due, now);
  const rows: [string, string | undefined][] = [
    ['订单编号', c.orderId],
    ['买家', c.buyer],
    ['类型', c.refundType ? `${c.refundType}${c.phase === 'onsale' ? '（售中）' : c.phase === 'aftersale' ? '（售后）' : ''}` : undefined],
    ['金额', c.kind === 'postage' ? formatFen(c.postageFen) : formatFen(c.refundFen)],
    ['实付', c.paidFen === undefined ? undefined : formatFen(c.paidFen)],
    ['原因', c.reason],
    ['退货物流', c.returnLogistics ? [c.returnLogistics.carrier, c.returnLogistics.number, c.returnLogistics.state].filter(Boolean).join(' ') : undefined],
  ];
  return (
    <section class="ar-caseview" data-dispute-id={c.disputeId} aria-label="当前售后单">
      {onBack && (
        <button type="button" class="ar-link" onClick={onBack}>
          ← 返回列表
        </button>
      )}
      <h2 class="ar-h2">{statusLabel(c.status, c.statusText)}</h2>
      <div class={`ar-countdown ar-tier-${tier}`} data-testid="case-countdown">
        {due === undefined ? (
          <span>页面未显示倒计时</span>
        ) : (
          <>
            <strong>{formatLeft(due - now)}</strong>
            <span>{c.pageDeadline?.action ? `后平台将${ACTION_LABEL[c.pageDeadline.action]}` : '后平台将自动处理'}</span>
            <small>来源：页面倒计时（{c.pageDeadline?.text}）</small>
          </>
        )}
      </div>
      <dl class="ar-fields">
        <div><dt>售后单号</dt><dd>{c.disputeId}</dd></div>
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}

export function App({ store, onToggle }: { store: SidebarStore; onToggle: (collapsed: boolean) => void }) {
  const state = useStore(store);
  const now = useNow(1000);
  const [selected, setSelected] = useState<string | undefined>();
  const reading = shownReading(state);
  const cases = useMemo(() => [...(reading?.cases ?? [])].sort(byUrgency), [reading]);

  if (state.collapsed) {
    return (
      <button type="button" class="ar-tab" onClick={() => onToggle(false)} aria-label="展开售后雷达 Open AfterSales Radar">
        售后雷达
        {cases.length > 0 && <span class="ar-tab-count">{cases.length}</span>}
      </button>
    );
  }

  const picked = selected ? cases.find((c) => c.disputeId === selected) : undefined;
  const isDetail = reading?.page === 'refund-detail' || reading?.page === 'exchange-detail';

  return (
    <aside class="ar-panel" aria-label="售后雷达 AfterSales Radar">
      <header class="ar-head">
        <span class="ar-title">售后雷达</span>
        <span class="ar-page" data-testid="page-kind" data-page={reading?.page ?? 'unknown'}>
          {reading ? `${PAGE_LABEL[reading.page]} · ${PLATFORM_LABEL[reading.platform]}` : '正在读取页面…'}
        </span>
        <button type="button" class="ar-icon" onClick={() => onToggle(true)} aria-label="收起 Collapse">
          ⟩
        </button>
      </header>
      <div class="ar-body">
        {state.saveError && <p class="ar-warn" role="alert">未能保存到本地台账：{state.saveError}</p>}
        {reading && reading.missing.length > 0 && (
          <p class="ar-warn" role="status" data-testid="drift">
            页面结构可能已变化：未找到 {reading.missing.join('、')}
          </p>
        )}
        {reading?.page === 'unknown' && (
          <p class="ar-empty" data-testid="unrecognised">
            未识别的页面：这里没有可读取的售后单。请打开 售后管理 的 退款管理 / 换货管理 / 退货邮费 页面。
            <br />
            <small>Page not recognised.</small>
          </p>
        )}
        {reading?.page === 'workbench' && (
          <dl class="ar-stats" data-testid="stats">
            {Object.entries(reading.stats).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        )}
        {isDetail && cases[0] && <CaseView c={cases[0]} now={now} />}
        {!isDetail && picked && <CaseView c={picked} now={now} onBack={() => setSelected(undefined)} />}
        {!isDetail && !picked && reading && reading.page !== 'unknown' && reading.page !== 'workbench' && (
          <>
            <Summary cases={cases} now={now} />
            {cases.length === 0 ? (
              <p class="ar-empty">本页没有售后单。</p>
            ) : (
              <>
                <ol class="ar-cases" data-testid="cases">
                  {cases.slice(0, MAX_LISTED).map((c) => (
                    <CaseRow key={c.disputeId} c={c} now={now} onSelect={() => setSelected(c.disputeId)} />
                  ))}
                </ol>
                {cases.length > MAX_LISTED && (
                  <p class="ar-empty">按紧急程度列出前 {MAX_LISTED} 条，另有 {cases.length - MAX_LISTED} 条未列出。</p>
                )}
              </>
            )}
          </>
        )}
      </div>
      <footer class="ar-foot">只读 · 数据只保存在本浏览器</footer>
    </aside>
  );
}
