import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask, send } from '../../lib/messaging/client';
import { createDb, type CaseRecord } from '../../lib/storage/db';
import { countOpen, listUrgent, searchCases } from '../../lib/storage/cases';
import { digestSince, LAST_LOOKED_KEY, type Digest } from '../../lib/storage/digest';
import { CaseRow } from '../../lib/ui/case-row';
import { teamLine } from '../../lib/ui/team';
import { TEAM_STATUS_KEY } from '../../lib/storage/keys';
import type { SyncStatus } from '../../lib/sync/replicator';
import { digestParts } from '../../lib/ui/digest-line';
import { LedgerExport } from '../../lib/ui/ledger-export';
import { KIND_LABEL, tierOf, type Tier } from '../../lib/ui/format';
import { REFUND_LIST_URL } from '../../lib/page/urls';
import { toChinaIso } from '../../lib/shared/china-time';
import type { CaseKind } from '../../lib/shared/types';
import { LangContext, useT, type Lang } from '../../lib/ui/i18n';
import { followLang, followSetting } from '../../lib/ui/settings';

const db = createDb();
const GROUPS: Tier[] = ['overdue', 'lt6h', 'lt24h', 'later', 'none'];
/** Open cases loaded, most urgent first. */
const QUEUE_SIZE = 200;
/** Rows drawn at first (the popup shows about ten); more on request. */
const LIST_STEP = 40;
const GROUP_TITLE: Record<Tier, string> = {
  overdue: '已超时',
  lt6h: '6 小时内',
  lt24h: '24 小时内',
  later: '24 小时后',
  none: '时限未知',
};

/** The first place to go with an empty ledger: 退款管理, in a new tab. */
function openRefundList() {
  void browser.tabs.create({ url: REFUND_LIST_URL }).then(() => window.close());
}

/** The popup of an empty ledger: how to start, and the way there. */
function FirstRun() {
  const t = useT();
  return (
    <div class="ar-first-run" data-testid="first-run">
      <p>
        {t(
          '还没有记录任何售后单。请在卖家中心打开 售后管理 → 退款管理（或换货管理、退货邮费），售后雷达会自动读取页面上的售后单，并在平台自动处理前提醒您。',
        )}
      </p>
      <p class="ar-first-run-actions">
        <button type="button" class="ar-more" onClick={openRefundList}>
          {t('打开退款管理')}
        </button>
        <a href={browser.runtime.getURL('/welcome.html')} target="_blank" rel="noreferrer">
          {t('入门指引与本店设置')}
        </a>
      </p>
    </div>
  );
}

function open(key: string) {
  void ask({ type: 'case/open', key }).then(() => window.close());
}

function DigestLine({ d }: { d: Digest }) {
  const t = useT();
  if (!d.since) return null;
  const parts = digestParts(d, t);
  return (
    <p class="ar-digest" data-testid="digest">
      {t('自上次查看以来：')}
      {parts.length ? parts.join('，') : t('没有变化')}
    </p>
  );
}

/** 导出台账, folded: the ledger as .xlsx or CSV with the filters (lib/ui/ledger-export.tsx). */
function ExportBox() {
  const t = useT();
  return (
    <details class="ar-export-box">
      <summary>{t('导出台账')}</summary>
      <LedgerExport db={db} />
    </details>
  );
}

export function App() {
  const [lang, setLang] = useState<Lang>('zh');
  useEffect(() => followLang(setLang), []);
  return (
    <LangContext.Provider value={lang}>
      <Queue />
    </LangContext.Provider>
  );
}

/** A case of the queue or the search; opens its page. */
function QueueRow({ c, now }: { c: CaseRecord; now: number }) {
  // The case's shop beside what colleagues did: one queue holds every shop's cases.
  const aside = [c.shop, teamLine(c)].filter(Boolean).join(' · ') || undefined;
  return <CaseRow c={c} due={c.due} now={now} onSelect={() => open(c.key)} aside={aside} />;
}

/**
 * Team sync: asks for a run when the popup opens (nothing happens while sync is off), and shows the
 * queue again when a run brings what colleagues did.
 */
function useTeamRefresh(setCases: (cases: CaseRecord[]) => void) {
  useEffect(() => {
    const stop = followSetting(
      TEAM_STATUS_KEY,
      (s) => {
        if ((s as SyncStatus | undefined)?.received) void listUrgent(db, QUEUE_SIZE).then(setCases);
      },
      { now: false },
    );
    void send({ type: 'sync/now' }).catch(() => undefined);
    return stop;
  }, [setCases]);
}

/** The popup starts on its search box: focused as it is drawn (once the queue is read). */
const focusOnShow = (box: HTMLInputElement | null) => box?.focus();

/** 再显示: the focus goes to the first row added, once drawn (the button goes when every row is). */
function showMore(drawn: number, setLimit: (n: number) => void) {
  setLimit(drawn + LIST_STEP);
  setTimeout(() => document.querySelectorAll<HTMLElement>('[data-group] .ar-case-btn')[drawn]?.focus());
}

function Queue() {
  const t = useT();
  const [cases, setCases] = useState<CaseRecord[] | undefined>();
  /** Every case in the ledger, finished ones included; counted after the list shows (a count walks the whole store). */
  const [total, setTotal] = useState<number | undefined>();
  /** Open cases in all, counted only when the queue is full (otherwise it holds every one). */
  const [openCount, setOpenCount] = useState<number | undefined>();
  const [digest, setDigest] = useState<Digest | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [now, setNow] = useState(Date.now());
  useTeamRefresh(setCases);
  useEffect(() => {
    (async () => {
      // The queue first; the totals and the digest follow without holding it up.
      const urgent = await listUrgent(db, QUEUE_SIZE);
      setCases(urgent);
      // More may be open than the queue holds: count them by index.
      if (urgent.length === QUEUE_SIZE) setOpenCount(await countOpen(db));
      setTotal(await db.cases.count());
      const last = await db.settings.get(LAST_LOOKED_KEY);
      setDigest(await digestSince(db, typeof last?.value === 'string' ? last.value : null));
      await db.settings.put({ key: LAST_LOOKED_KEY, value: toChinaIso(Date.now()) });
    })().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);

  // After the first list is painted: what `npm run bench` reports as the popup's first render.
  useEffect(() => void (cases && performance.mark('aftersales-radar:popup-listed')), [cases]);
  const [limit, setLimit] = useState(LIST_STEP);
  // A search looks through the whole ledger (finished cases too), not just the queue shown.
  const [found, setFound] = useState<CaseRecord[] | undefined>();
  useEffect(() => {
    if (!query.trim()) return setFound(undefined);
    let current = true;
    void searchCases(db, query.trim()).then(
      (r) => current && setFound(r),
      () => current && setFound([]),
    );
    return () => {
      current = false;
    };
  }, [query]);
  const queue = cases ?? [];
  const counts = useMemo(() => {
    const out: Record<CaseKind, number> = { refund: 0, exchange: 0, postage: 0 };
    for (const c of cases ?? []) out[c.kind]++;
    return out;
  }, [cases]);

  return (
    <main class="ar-popup">
      <header class="ar-popup-head">
        <h1>{t('售后雷达')}</h1>
        <span>AfterSales Radar</span>
        <a
          class="ar-options"
          href={browser.runtime.getURL('/report.html')}
          target="_blank"
          rel="noreferrer"
          data-testid="yesterday"
          title={t('昨日日报')}
        >
          {t('昨日')}
        </a>
        <a class="ar-options-2" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {t('设置')}
        </a>
      </header>
      {error && (
        <p class="ar-warn" role="alert">
          {t('读取本地台账失败：')}
          {error}
        </p>
      )}
      {cases === undefined && !error && <p class="ar-muted">{t('读取中…')}</p>}
      {cases && cases.length === 0 && total === 0 && <FirstRun />}
      {cases && (cases.length > 0 || !!total) && (
        <>
          {digest && <DigestLine d={digest} />}
          <p class="ar-counts" data-testid="counts">
            {t('进行中：')}
            {openCount !== undefined && openCount > queue.length
              ? t('{n} 单，按紧急程度载入前 {m} 单', { n: openCount, m: queue.length })
              : (Object.keys(counts) as CaseKind[]).map((k) => `${t(KIND_LABEL[k])} ${counts[k]}`).join(' · ')}
          </p>
          <ExportBox />
          <input
            ref={focusOnShow}
            class="ar-search"
            type="search"
            placeholder={t('搜索订单编号 / 售后单号')}
            aria-label={t('搜索订单编号 / 售后单号')}
            value={query}
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          />
          {found && (
            <section class="ar-group" data-testid="search-results">
              <h2>
                {t('搜索结果')} <span>{found.length}</span>
              </h2>
              {found.length === 0 ? (
                <p class="ar-muted">{t('台账里没有以此开头的订单编号或售后单号。')}</p>
              ) : (
                <ol class="ar-cases">
                  {found.map((c) => (
                    <QueueRow key={c.key} c={c} now={now} />
                  ))}
                </ol>
              )}
            </section>
          )}
          {!found && queue.length === 0 && <p class="ar-muted">{t('没有进行中的售后单。')}</p>}
          {!found &&
            (() => {
              // Groups by time left, drawing at most `limit` rows in all; each heading counts its whole group.
              let budget = limit;
              return GROUPS.map((g) => {
                const rows = queue.filter((c) => tierOf(c.due ? Date.parse(c.due.at) : undefined, now) === g);
                if (!rows.length) return null;
                const drawn = rows.slice(0, Math.max(0, budget));
                budget -= drawn.length;
                if (!drawn.length) return null;
                return (
                  <section key={g} class={`ar-group ar-group-${g}`} data-group={g}>
                    <h2>
                      {t(GROUP_TITLE[g])} <span>{rows.length}</span>
                    </h2>
                    <ol class="ar-cases">
                      {drawn.map((c) => (
                        <QueueRow key={c.key} c={c} now={now} />
                      ))}
                    </ol>
                  </section>
                );
              });
            })()}
          {!found && queue.length > limit && (
            <button type="button" class="ar-more" data-testid="list-more" onClick={() => showMore(limit, setLimit)}>
              {t('再显示 {k} 条', { k: Math.min(LIST_STEP, queue.length - limit) })}
            </button>
          )}
          {total !== undefined && (
            <p class="ar-muted" data-testid="total">
              {t('共记录 {n} 单（含已结束）。', { n: total })}
            </p>
          )}
        </>
      )}
    </main>
  );
}
