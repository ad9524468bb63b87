/** Team sync's status in words, for the options page and the sidebar's mark. */
import { formatChinaShort } from '../shared/china-time';
import type { SyncStatus } from '../sync/replicator';
import type { CaseRecord } from '../storage/db';
import { claimsText } from './format';

/** Colleagues' documents not taken (lib/sync/validate.ts), said beside the status. */
export function refusedText(s: SyncStatus | undefined): string {
  return s?.refused ? ` · ${s.refused} 条同事数据未采用` : '';
}

export function statusText(s: SyncStatus | undefined): string {
  if (!s || s.state === 'syncing') return '正在同步… / syncing';
  const when = s.at ? ` ${formatChinaShort(Date.parse(s.at))}` : '';
  const pending = s.pending ? `，待同步 ${s.pending} 项 / ${s.pending} pending` : '';
  switch (s.state) {
    case 'off':
      return '未开启 / off';
    case 'synced':
      return s.pending
        ? `待同步 ${s.pending} 项 / ${s.pending} pending${refusedText(s)}`
        : `已同步${when}${refusedText(s)} / synced`;
    case 'pending':
      return `待同步 ${s.pending} 项 / ${s.pending} pending`;
    case 'offline':
      return `离线：${s.error ?? ''}${pending}`;
    case 'rejected':
      return `被拒绝：${s.error ?? ''}${pending}`;
  }
}

/** The sidebar's small mark: a word and a colour class. */
export function statusMark(s: SyncStatus | undefined): { text: string; tone: 'ok' | 'wait' | 'bad' } {
  if (!s || s.state === 'syncing') return { text: '同步中', tone: 'wait' };
  if (s.state === 'synced' && !s.pending && s.refused) return { text: '已同步 · 有未采用', tone: 'wait' };
  if (s.state === 'synced' && !s.pending) return { text: '已同步', tone: 'ok' };
  if (s.state === 'synced' || s.state === 'pending') return { text: `待同步 ${s.pending}`, tone: 'wait' };
  if (s.state === 'offline') return { text: '同步离线', tone: 'wait' };
  if (s.state === 'rejected') return { text: '同步被拒绝', tone: 'bad' };
  return { text: '', tone: 'ok' };
}

/** A list row's line about colleagues (team sync): who claimed it, who read it last. */
export function teamLine(c: Pick<CaseRecord, 'team'>): string | undefined {
  const t = c.team;
  if (!t) return undefined;
  const parts = [
    ...(t.claims.length ? [claimsText(t.claims)] : []),
    ...(t.seenBy ? [`${t.seenBy.by} ${formatChinaShort(Date.parse(t.seenBy.at))} 读到`] : []),
  ];
  return parts.length ? parts.join(' · ') : undefined;
}
