/**
 * Deadline alerts: one alarm at the next threshold (and a periodic sweep as a safety net), system
 * notifications that name the case, the time left and what happens at timeout, and the toolbar
 * badge. Alarms are re-created from the ledger at every start, so they survive browser and
 * service-worker restarts.
 */
import { browser } from 'wxt/browser';
import { planAlerts } from '../../lib/engine/alerts';
import { caseUrl, urlShowsCase } from '../../lib/page/urls';
import { SELLER_HOST_PATTERNS } from '../../lib/page/hosts';
import { HOUR_MS } from '../../lib/shared/china-time';
import { NO_DEADLINE, type CaseRecord, type RadarDB } from '../../lib/storage/db';
import { loadAlertSettings, loadRetentionDays } from '../../lib/storage/alert-settings';
import { pruneClosed } from '../../lib/storage/backup';
import { ACTION_LABEL, formatFen, formatLeft, KIND_LABEL, STATE_UNREAD } from '../../lib/ui/format';

export const ALERT_ALARM = 'radar-alert';
export const SWEEP_ALARM = 'radar-sweep';
const SWEEP_MINUTES = 5;
const NOTIFICATION_PREFIX = 'radar|';
/** Individual notifications per sweep; beyond that, one summary. */
const MAX_SINGLE_NOTIFICATIONS = 3;

/** Open cases due within the longest threshold (plus overdue ones). */
async function openDueSoon(db: RadarDB, horizonMs: number): Promise<CaseRecord[]> {
  return db.cases
    .where('[open+deadlineAt]')
    .between([1, -Infinity], [1, Math.min(NO_DEADLINE - 1, Date.now() + horizonMs)])
    .toArray();
}

export function notificationText(c: CaseRecord, now: number): { title: string; message: string } {
  const due = c.due ? Date.parse(c.due.at) : now;
  // A case whose state was not read: the page's countdown, and only the action its words announced.
  const unread = c.due?.actor === null;
  const action = c.due ? (c.due.consequence ? ACTION_LABEL[c.due.consequence] : null) : '自动处理';
  const left = due - now;
  const title =
    action === null
      ? left <= 0
        ? '页面倒计时已到'
        : `${formatLeft(left)}后页面倒计时到期`
      : left <= 0
        ? `已超时：平台可能已${action}`
        : `${formatLeft(left)}后平台将${action}`;
  const who = c.buyer ? ` · ${c.buyer}` : '';
  const estimate = c.due?.basis === 'rule' ? '（按规则估算）' : '';
  return {
    title: `售后雷达 · ${title}`,
    message: `${KIND_LABEL[c.kind]} ${c.disputeId}${who} · ${formatFen(c.amountFen)}\n${c.statusText ?? ''}${estimate}${unread ? `${c.statusText ? '\n' : ''}${STATE_UNREAD}` : ''}`,
  };
}

export async function updateBadge(db: RadarDB, now = Date.now()): Promise<{ count: number; overdue: number }> {
  const soon = (await openDueSoon(db, 24 * HOUR_MS)).filter((c) => !c.staff?.handled);
  const overdue = soon.filter((c) => c.deadlineAt <= now).length;
  await browser.action.setBadgeText({ text: soon.length ? String(soon.length) : '' });
  await browser.action.setBadgeBackgroundColor({ color: overdue ? '#c9302c' : '#b84a00' });
  await browser.action.setTitle({
    title: soon.length
      ? `售后雷达：${soon.length} 单 24 小时内到期${overdue ? `，${overdue} 单已超时` : ''}`
      : '售后雷达 AfterSales Radar',
  });
  return { count: soon.length, overdue };
}

/** Notify what is due, mark it, schedule the next look, refresh the badge. */
export async function sweep(
  db: RadarDB,
  now = Date.now(),
): Promise<{ notified: string[]; nextAt?: number; badge: { count: number; overdue: number } }> {
  const settings = await loadAlertSettings(db);
  const horizon = Math.max(24 * 60, ...settings.thresholdsMin) * 60_000;
  const candidates = await openDueSoon(db, horizon);
  const plan = planAlerts(
    candidates.map((c) => ({
      key: c.key,
      dueAt: c.deadlineAt,
      alertsSent: c.alertsSent ?? [],
      handled: c.staff?.handled,
    })),
    settings,
    now,
  );
  const byKey = new Map(candidates.map((c) => [c.key, c]));
  const notified: string[] = [];
  // The most urgent few get a notification each; the rest one summary, so a sale day does not bury staff.
  const ordered = plan.notify
    .map((n) => ({ n, c: byKey.get(n.key) }))
    .filter((x): x is { n: (typeof plan.notify)[number]; c: CaseRecord } => !!x.c)
    .sort((a, b) => a.c.deadlineAt - b.c.deadlineAt);
  const rest = ordered.slice(MAX_SINGLE_NOTIFICATIONS);
  if (rest.length) {
    await browser.notifications.create(`${NOTIFICATION_PREFIX}summary`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: `售后雷达 · 另有 ${rest.length} 单即将到期或已超时`,
      message: '点击工具栏的售后雷达查看完整的紧急队列。',
      priority: 1,
    });
    await db.transaction('rw', db.cases, async () => {
      for (const { n, c } of rest)
        await db.cases.update(c.key, { alertsSent: [...new Set([...(c.alertsSent ?? []), ...n.alsoMark])] });
    });
  }
  for (const { n, c } of ordered.slice(0, MAX_SINGLE_NOTIFICATIONS)) {
    const { title, message } = notificationText(c, now);
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${c.key}|${n.thresholdMin}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
      priority: n.thresholdMin <= 60 ? 2 : 1,
    });
    await db.cases.update(c.key, { alertsSent: [...new Set([...(c.alertsSent ?? []), ...n.alsoMark])] });
    notified.push(c.key);
  }
  if (plan.nextAt !== undefined) await browser.alarms.create(ALERT_ALARM, { when: Math.max(plan.nextAt, now + 1000) });
  else await browser.alarms.clear(ALERT_ALARM);
  const badge = await updateBadge(db, now);
  return { notified, ...(plan.nextAt !== undefined ? { nextAt: plan.nextAt } : {}), badge };
}

/** Clicking a notification opens the case's page, focusing a tab that already shows it. */
export async function openCase(db: RadarDB, key: string): Promise<void> {
  const c = await db.cases.get(key);
  if (!c) return;
  const tabs = await browser.tabs.query({ url: [...SELLER_HOST_PATTERNS] });
  const open = tabs.find((t) => t.url && urlShowsCase(t.url, c.disputeId));
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url: caseUrl(c) });
}

export function installAlerts(db: RadarDB): { schedule: () => void } {
  let pending: ReturnType<typeof setTimeout> | undefined;
  // Many page reads in a row: one sweep after they settle.
  const schedule = () => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = undefined;
      void sweep(db).catch(() => undefined);
    }, 500);
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALERT_ALARM || alarm.name === SWEEP_ALARM) {
      void sweep(db).catch(() => undefined);
      if (alarm.name === SWEEP_ALARM)
        void loadRetentionDays(db)
          .then((days) => pruneClosed(db, days, Date.now()))
          .catch(() => undefined);
    }
  });
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return;
    const key = id.slice(NOTIFICATION_PREFIX.length).split('|')[0]!;
    if (key === 'summary') void browser.action.openPopup?.().catch(() => undefined);
    else void openCase(db, key);
    void browser.notifications.clear(id);
  });
  // Alarms may not survive a browser restart: re-create them from the ledger at every start.
  const start = () => {
    void browser.alarms.create(SWEEP_ALARM, { periodInMinutes: SWEEP_MINUTES });
    void sweep(db).catch(() => undefined);
  };
  browser.runtime.onStartup.addListener(start);
  browser.runtime.onInstalled.addListener(start);
  start();
  return { schedule };
}
