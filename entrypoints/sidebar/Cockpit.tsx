/**
 * 售后工作台's sidebar: the day's cockpit, drawn from the ledger (lib/storage/cockpit.ts) through the
 * background. The page's own stat cards are shown at most as one compact line.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../lib/messaging/client';
import { formatChinaShort, HOUR_MS } from '../../lib/shared/china-time';
import type { CockpitList, CockpitReply, UrgentTier } from '../../lib/storage/cockpit';
import type { CaseRecord } from '../../lib/storage/db';
import { CaseRow } from '../../lib/ui/case-row';
import { digestParts } from '../../lib/ui/digest-line';
import { PAGE_LABEL } from '../../lib/ui/format';
import { useT } from '../../lib/ui/i18n';

/** The cockpit is read again this often (the countdowns tick from the sidebar's own clock). */
const REFRESH_MS = 60_000;
const TIER_TITLE: Record<UrgentTier, string> = { overdue: '已超时', lt6h: '6 小时内', lt24h: '24 小时内' };

const openCase = (key: string) => void send({ type: 'case/open', key }).catch(() => undefined);

function Rows({
  list,
  now,
  aside,
  stale,
}: {
  list: CockpitList;
  now: number;
  aside?: (c: CaseRecord) => string;
  stale?: boolean;
}) {
  const t = useT();
  return (
    <>
      <ol class={`ar-cases${stale ? ' ar-case-stale' : ''}`}>
        {list.cases.map((c) => (
          <CaseRow key={c.key} c={c} due={c.due} now={now} onSelect={() => openCase(c.key)} aside={aside?.(c)} />
        ))}
      </ol>
      {list.total > list.cases.length && (
        <p class="ar-muted">{t('另有 {n} 单未列出', { n: list.total - list.cases.length })}</p>
      )}
    </>
  );
}

/** The page's own count of cases due within 24 h, from its stat cards. */
const PAGE_DUE_SOON = ['24小时内待处理', '即将超时'];

/**
 * What the urgent queue rests on: the ledger only knows what this browser has read. It never says
 * "nothing due" of an empty ledger, and says so when the page's own stat cards count more.
 */
function SeenLine({
  cockpit,
  urgentCount,
  stats,
}: {
  cockpit: CockpitReply;
  urgentCount: number;
  stats: Record<string, number>;
}) {
  const t = useT();
  const pageCount = PAGE_DUE_SOON.map((k) => stats[k]).find((n) => n !== undefined);
  const { open, lastReadAt } = cockpit.seen;
  return (
    <>
      {pageCount !== undefined && pageCount > urgentCount && (
        <p class="ar-warn" data-testid="cockpit-behind">
          {t('页面显示 24 小时内待处理 {n} 单，本地台账只读到 {m} 单：打开 退款管理 等列表页读取后补齐。', {
            n: pageCount,
            m: urgentCount,
          })}
        </p>
      )}
      {urgentCount === 0 && (
        <p class="ar-muted" data-testid="cockpit-seen">
          {open === 0
            ? t('本地台账还没有未结束的售后单：打开 退款管理 等列表页读取后，这里才有数据。')
            : lastReadAt
              ? t('本地台账的 {n} 个未结束售后单中（最近读取 {at}），24 小时内没有到期的。', {
                  n: open,
                  at: formatChinaShort(Date.parse(lastReadAt)),
                })
              : t('本地台账的 {n} 个未结束售后单中，24 小时内没有到期的。', { n: open })}
        </p>
      )}
    </>
  );
}

export function Cockpit({ stats, now }: { stats: Record<string, number>; now: number }) {
  const t = useT();
  const [cockpit, setCockpit] = useState<CockpitReply | undefined>();
  const [error, setError] = useState<string | undefined>();
  const refresh = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    let since: string | undefined;
    let live = true;
    const load = (look: boolean) =>
      send({ type: 'cockpit/get', ...(look ? { look } : since ? { since } : {}) }).then(
        (c) => {
          if (!live) return;
          if (look) since = c.digest.since ?? undefined;
          setCockpit(c);
          setError(undefined);
        },
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    void load(true);
    refresh.current = () => void load(false);
    const id = setInterval(() => void load(false), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, []);
  // A new reading of the page (its cards, its due-soon list stored as cases): the queue again.
  useEffect(() => refresh.current?.(), [stats]);
  const statLine = Object.entries(stats)
    .map(([k, v]) => `${k} ${v}`)
    .join(' · ');
  const urgentCount = cockpit
    ? cockpit.urgent.overdue.total + cockpit.urgent.lt6h.total + cockpit.urgent.lt24h.total
    : 0;
  // The list pages the stale cases were read on: opening one reads them again.
  const refreshPages = new Map<string, string>();
  for (const c of cockpit?.stale.cases ?? [])
    if (c.lastSource.page.endsWith('-list')) refreshPages.set(c.lastSource.page, c.lastSource.url);
  return (
    <div class="ar-cockpit" data-testid="cockpit">
      {statLine && (
        <p class="ar-statline" data-testid="stats" title={t('页面上的统计卡片')}>
          {statLine}
        </p>
      )}
      {error && (
        <p class="ar-warn" role="alert">
          {t('读取本地台账失败：')}
          {error}
        </p>
      )}
      {!cockpit && !error && <p class="ar-muted">{t('读取中…')}</p>}
      {cockpit && (
        <>
          {cockpit.digest.since && (
            <p class="ar-digest" data-testid="cockpit-digest">
              {t('自上次查看以来：')}
              {digestParts(cockpit.digest, t).join('，') || t('没有变化')}
            </p>
          )}
          <section class="ar-cockpit-sec" data-testid="cockpit-urgent">
            <h3 class="ar-h2">
              {t('紧急队列')} <span class="ar-count">{urgentCount}</span>
            </h3>
            <SeenLine cockpit={cockpit} urgentCount={urgentCount} stats={stats} />
            {(['overdue', 'lt6h', 'lt24h'] as UrgentTier[]).map((tier) =>
              cockpit.urgent[tier].total ? (
                <div key={tier} class={`ar-group ar-group-${tier}`} data-group={tier}>
                  <h4>
                    {t(TIER_TITLE[tier])} <span>{cockpit.urgent[tier].total}</span>
                  </h4>
                  <Rows list={cockpit.urgent[tier]} now={now} />
                </div>
              ) : null,
            )}
          </section>
          <section class="ar-cockpit-sec" data-testid="cockpit-before-close">
            <h3 class="ar-h2">
              {t('下班前')} <span class="ar-count">{cockpit.beforeClose.total}</span>
            </h3>
            <p class="ar-muted">
              {cockpit.nextWorkAt === null
                ? t('工作时间里没有工作日，无法推算下次上班。')
                : t('下次上班 {at} 之前到期的售后单（夜里无人处理）。', { at: formatChinaShort(cockpit.nextWorkAt) })}
              {!cockpit.hoursSet && ` ${t('按默认工作时间（周一至周五 09:00–18:00），可在设置中修改。')}`}
            </p>
            {cockpit.beforeClose.total > 0 && <Rows list={cockpit.beforeClose} now={now} />}
          </section>
          <section class="ar-cockpit-sec" data-testid="cockpit-stale">
            <h3 class="ar-h2">
              {t('久未刷新')} <span class="ar-count">{cockpit.stale.total}</span>
            </h3>
            <p class="ar-muted">
              {t('超过 {h} 小时未读取、48 小时内到期的售后单：倒计时未经近期确认。', { h: cockpit.staleHours })}
            </p>
            {cockpit.stale.total > 0 && (
              <>
                <p class="ar-refresh">
                  {[...refreshPages].map(([page, url]) => (
                    <a key={page} href={url} target="_blank" rel="noreferrer" data-testid="stale-refresh">
                      {t('打开 {page} 刷新', { page: t(PAGE_LABEL[page as keyof typeof PAGE_LABEL]) })}
                    </a>
                  ))}
                </p>
                <Rows
                  list={cockpit.stale}
                  now={now}
                  stale
                  aside={(c) =>
                    t('倒计时未确认：{h} 小时前读取', { h: Math.floor((now - Date.parse(c.lastSeenAt)) / HOUR_MS) })
                  }
                />
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}
