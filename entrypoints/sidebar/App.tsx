import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Assessment } from '../../lib/engine/assess';
import { amountAtStake, isDetailPage, type CaseSnapshot } from '../../lib/shared/types';
import { CaseRow } from '../../lib/ui/case-row';
import { formatFen, PAGE_LABEL, PLATFORM_LABEL } from '../../lib/ui/format';
import { HOUR_MS } from '../../lib/shared/china-time';
import { LangContext, useLang, useT } from '../../lib/ui/i18n';
import { SIDEBAR_WIDTH } from '../../lib/messaging/sidebar-port';
import type { SidebarActions } from './actions';
import { applyFocus, FOCUS, focusSoon } from './focus';
import { CaseView } from './CaseView';
import { Cockpit } from './Cockpit';
import { DataNotes } from './DataNotes';
import { pageHost, TeachLabels } from './TeachLabels';
import { SyncMark } from './TeamParts';
import type { SidebarState, SidebarStore } from './store';

/** A shop whose promises are not set (seen for the first time): offered to set them, for this shop alone. */
function NewShop({ name }: { name: string }) {
  const t = useT();
  return (
    <p class="ar-warn" role="status" data-testid="new-shop">
      {t('新店铺：{name}', { name })} —{' '}
      <a
        href={browser.runtime.getURL(`/options.html#shop=${encodeURIComponent(name)}`)}
        target="_blank"
        rel="noreferrer"
      >
        {t('设置服务承诺')}
      </a>
      <br />
      <span class="ar-why">{t('未设置前，本店的单不计任何店铺承诺的赔付。')}</span>
    </p>
  );
}

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

/**
 * The current time for the countdowns: re-read each second while the nearest one is in its last
 * hour (it shows seconds then), otherwise twice a minute.
 */
function useNow(nextDue: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const left = nextDue - Date.now();
    const id = setTimeout(() => setNow(Date.now()), left > 0 && left < HOUR_MS + 30_000 ? 1000 : 30_000);
    return () => clearTimeout(id);
  }, [now, nextDue]);
  return now;
}

/** The list shows the most urgent cases first, this many at a time; the summary counts them all. */
const LIST_STEP = 30;

const dueMs = (a: Assessment | undefined) =>
  a?.deadline && a.deadline.at !== null ? Date.parse(a.deadline.at) : undefined;

function Summary({
  cases,
  assessments,
  now,
}: {
  cases: CaseSnapshot[];
  assessments: Map<string, Assessment>;
  now: number;
}) {
  const t = useT();
  const due = cases.map((c) => dueMs(assessments.get(c.disputeId)));
  const due24 = due.filter((d) => d !== undefined && d - now < 24 * HOUR_MS && d > now).length;
  const overdue = due.filter((d) => d !== undefined && d <= now).length;
  const open = cases.filter((c) => assessments.get(c.disputeId)?.deadline !== null).length;
  const atStake = cases.reduce((sum, c) => sum + (amountAtStake(c) ?? 0), 0);
  return (
    <dl class="ar-summary" data-testid="summary">
      <div>
        <dt>{t('进行中')}</dt>
        <dd>{open}</dd>
      </div>
      <div>
        <dt>{t('24小时内到期')}</dt>
        <dd class={due24 ? 'ar-hot' : ''}>{due24}</dd>
      </div>
      <div>
        <dt>{t('已超时')}</dt>
        <dd class={overdue ? 'ar-hot' : ''}>{overdue}</dd>
      </div>
      <div>
        <dt>{t('涉及金额')}</dt>
        <dd>{formatFen(atStake)}</dd>
      </div>
    </dl>
  );
}

function ResizeHandle({ width, actions }: { width: number; actions: SidebarActions }) {
  const t = useT();
  // Screen coordinates throughout: the frame, and the handle with it, moves while it is dragged. The
  // frame gets the pointer while it is over the frame; the page follows it everywhere else.
  const start = (e: PointerEvent) => {
    e.preventDefault();
    const [x0, w0] = [e.screenX, width];
    actions.resizeStart(x0);
    // A release outside the frame is never seen here: a move without the button ends the drag.
    const move = (m: PointerEvent) => (m.buttons & 1 ? actions.resize(w0 + (x0 - m.screenX)) : up());
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      actions.resizeEnd();
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  return (
    <div
      class="ar-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('调整宽度 Resize')}
      aria-valuenow={width}
      aria-valuemin={SIDEBAR_WIDTH.min}
      aria-valuemax={SIDEBAR_WIDTH.max}
      aria-valuetext={`${width} px`}
      tabIndex={0}
      onPointerDown={start}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') actions.resize(width + 20);
        if (e.key === 'ArrowRight') actions.resize(width - 20);
      }}
    />
  );
}

/** The collapsed sidebar: a tab at the page's right edge, filling a frame cut to its size. */
function Tab({ count, actions }: { count: number; actions: SidebarActions }) {
  const t = useT();
  return (
    // Its name is what it shows, after a word said only to a screen reader (展开 / Open).
    <button type="button" class="ar-tab" onClick={() => actions.toggle(false)} title="Alt+Shift+R">
      <span class="ar-sr">{t('展开')}</span>
      <span class="ar-tab-label" lang={useLang() === 'en' ? 'en' : 'zh-CN'}>
        {t('售后雷达')}
      </span>
      {count > 0 && (
        <span class="ar-tab-count">
          {count}
          <span class="ar-sr">{t(' 单')}</span>
        </span>
      )}
    </button>
  );
}

export function App({ store, actions }: { store: SidebarStore; actions: SidebarActions }) {
  const state = useStore(store);
  return (
    <LangContext.Provider value={state.lang}>
      <Panel state={state} actions={actions} />
    </LangContext.Provider>
  );
}

function Panel({ state, actions }: { state: SidebarState; actions: SidebarActions }) {
  const t = useT();
  const { reading, assessments } = state;
  const cases = useMemo(() => {
    // Each deadline parsed once, not once per comparison (a sale-day page has thousands).
    const keyed = (reading?.cases ?? []).map((c) => [dueMs(assessments.get(c.disputeId)) ?? Infinity, c] as const);
    return keyed.sort((x, y) => x[0] - y[0]).map(([, c]) => c);
  }, [reading, assessments]);
  const [listed, setListed] = useState(LIST_STEP);
  let nextDue = Infinity;
  const renderedAt = Date.now();
  for (const a of assessments.values()) {
    const d = dueMs(a);
    if (d !== undefined && d > renderedAt && d < nextDue) nextDue = d;
  }
  const now = useNow(nextDue);
  // After every render: the focus goes where the last action asked (./focus.ts).
  useEffect(() => applyFocus());

  if (state.collapsed) return <Tab count={cases.length} actions={actions} />;

  const isDetail = isDetailPage(reading?.page);
  const focus = isDetail ? cases[0] : state.selected ? cases.find((c) => c.disputeId === state.selected) : undefined;
  const focusAssessment = focus && assessments.get(focus.disputeId);

  return (
    <aside class="ar-panel" aria-label="售后雷达 AfterSales Radar">
      <ResizeHandle width={state.width} actions={actions} />
      <header class="ar-head">
        <h1 class="ar-title" tabIndex={-1}>
          {t('售后雷达')}
        </h1>
        <span class="ar-page" data-testid="page-kind" data-page={reading?.page ?? 'unknown'}>
          {reading ? `${t(PAGE_LABEL[reading.page])} · ${t(PLATFORM_LABEL[reading.platform])}` : t('正在读取页面…')}
        </span>
        {state.team && <SyncMark status={state.team.status} />}
        <button
          type="button"
          class="ar-icon ar-fold"
          onClick={() => actions.toggle(true)}
          aria-label={t('收起 Collapse')}
          title="Alt+Shift+R"
        >
          ⟩
        </button>
      </header>
      <div class="ar-body">
        {state.team?.status?.lastChange && (
          <p class="ar-why" role="status" data-testid="team-change">
            {state.team.status.lastChange}
          </p>
        )}
        {state.saveError && (
          <p class="ar-warn" role="alert">
            {t('未能保存到本地台账：')}
            {state.saveError}
          </p>
        )}
        {reading && reading.missing.length > 0 && (
          <p class="ar-warn" role="status" data-testid="drift">
            {t('页面结构可能已变化：未找到 {labels}。这些信息暂不显示，以免给出错误的判断。', {
              labels: reading.missing.join('、'),
            })}
          </p>
        )}
        {reading?.shop && state.policy.unsetReason && <NewShop name={reading.shop.name} />}
        {state.dataNotes && <DataNotes notes={state.dataNotes} />}
        {reading && reading.missing.length > 0 && !!reading.unknownLabels?.length && pageHost() && (
          <TeachLabels labels={reading.unknownLabels} host={pageHost()} />
        )}
        {reading?.page === 'unknown' && (
          <p class="ar-empty" data-testid="unrecognised">
            {t('未识别的页面：这里没有可读取的售后单。请打开 售后管理 的 退款管理 / 换货管理 / 退货邮费 页面。')}
          </p>
        )}
        {reading?.page === 'workbench' && <Cockpit stats={reading.stats} now={now} />}
        {focus && focusAssessment && (
          <CaseView
            c={focus}
            a={focusAssessment}
            now={now}
            policy={state.policy}
            templates={state.templates}
            ledger={state.ledger?.record.disputeId === focus.disputeId ? state.ledger : undefined}
            actions={actions}
            onBack={isDetail ? undefined : () => actions.select(undefined)}
            me={state.team?.name}
          />
        )}
        {!focus && reading && reading.page !== 'unknown' && reading.page !== 'workbench' && (
          <>
            <Summary cases={cases} assessments={assessments} now={now} />
            {cases.length === 0 ? (
              <p class="ar-empty">{t('本页没有售后单。')}</p>
            ) : (
              <>
                <ol class="ar-cases" data-testid="cases">
                  {cases.slice(0, listed).map((c) => {
                    const d = assessments.get(c.disputeId)?.deadline;
                    return (
                      <CaseRow
                        key={c.disputeId}
                        c={c}
                        due={d && d.at !== null ? d : null}
                        now={now}
                        onSelect={() => actions.select(c.disputeId)}
                      />
                    );
                  })}
                </ol>
                {cases.length > listed && (
                  <button
                    type="button"
                    class="ar-more"
                    data-testid="list-more"
                    onClick={() => {
                      // The focus goes to the first case added (the button may go once all are listed).
                      focusSoon(FOCUS.listed(listed));
                      setListed(listed + LIST_STEP);
                    }}
                  >
                    {t('按紧急程度已列出 {n} 条，再显示 {k} 条（共 {m} 条）', {
                      n: listed,
                      k: Math.min(LIST_STEP, cases.length - listed),
                      m: cases.length,
                    })}
                  </button>
                )}
              </>
            )}
          </>
        )}
      </div>
      <footer class="ar-foot">
        {state.team
          ? t('只读 · 团队同步已开启（仅同步到本店服务器） · Alt+Shift+R 进入侧栏，再按收起')
          : t('只读 · 数据只保存在本浏览器 · Alt+Shift+R 进入侧栏，再按收起')}
      </footer>
    </aside>
  );
}
