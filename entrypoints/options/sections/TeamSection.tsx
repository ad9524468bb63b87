/**
 * 团队同步: off by default. Staff name the shop's own server (CouchDB protocol) and their account; the
 * extension asks for that one origin only, at the moment sync is turned on.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '../../../lib/messaging/client';
import type { SyncStatus } from '../../../lib/sync/replicator';
import { parseTeamSettings, serverOrigin, type TeamSettings } from '../../../lib/sync/settings';
import { TEAM_STATUS_KEY, TEAM_SYNC_KEY } from '../../../lib/storage/keys';
import { statusText } from '../../../lib/ui/team';
import { formatChinaShort } from '../../../lib/shared/china-time';
import { followSetting } from '../../../lib/ui/settings';
import { changeText, loadTeamChanges, TEAM_CHANGES_KEY, type TeamChange } from '../../../lib/sync/team-changes';
import { RULES_KEY } from '../../../lib/storage/policy-store';
import { toChinaIso } from '../../../lib/shared/china-time';
import { db, settingsChanged } from '../shared';

const BLANK: TeamSettings = {
  enabled: false,
  server: '',
  database: '',
  username: '',
  password: '',
  name: '',
  snapshots: false,
};

export function TeamSection() {
  const [form, setForm] = useState<TeamSettings>(BLANK);
  const [status, setStatus] = useState<SyncStatus | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    void browser.storage.local.get(TEAM_SYNC_KEY).then((got) => {
      const r = parseTeamSettings(got[TEAM_SYNC_KEY]);
      if (r.ok) setForm(r.settings);
    });
    return followSetting(TEAM_STATUS_KEY, (s) => setStatus(s as SyncStatus | undefined));
  }, []);
  const field = (k: 'server' | 'database' | 'username' | 'password' | 'name') => (e: Event) =>
    setForm({ ...form, [k]: (e.target as HTMLInputElement).value });

  // The permission request must be the click's first asynchronous step (the browser wants a user gesture).
  const enable = async (e: Event) => {
    e.preventDefault();
    const parsed = parseTeamSettings({ ...form, enabled: true });
    if (!parsed.ok) return setError(parsed.error);
    const origin = serverOrigin(parsed.settings.server);
    if ('error' in origin) return setError(origin.error);
    const granted = await browser.permissions.request({ origins: [origin.pattern] }).catch(() => false);
    if (!granted) return setError('没有获得访问该服务器的权限，同步未开启 / permission not granted');
    setError(undefined);
    setForm(parsed.settings);
    // The last run's status belonged to the old settings.
    await browser.storage.local.set({
      [TEAM_SYNC_KEY]: parsed.settings,
      [TEAM_STATUS_KEY]: { state: 'syncing', pending: 0 } satisfies SyncStatus,
    });
  };
  const disable = async () => {
    const next = { ...form, enabled: false };
    setForm(next);
    await browser.storage.local.set({ [TEAM_SYNC_KEY]: next });
    const origin = serverOrigin(form.server);
    if ('pattern' in origin) await browser.permissions.remove({ origins: [origin.pattern] }).catch(() => false);
  };
  const on = form.enabled;
  return (
    <form onSubmit={enable} data-testid="team-sync">
      <p class="muted">
        默认关闭。开启后，本店同事之间同步：每个售后单的认领、备注、已处理标记、步骤勾选和处理记录；店铺的服务承诺、平台规则设置、教过的页面标签和回复模板；可选同步售后单本身。
        只发送到您填写的本店服务器（CouchDB 协议，如 Apache CouchDB），从不发送登录凭证或页面原始数据。 Off by default;
        syncs only with your shop's own server.
      </p>
      <p data-testid="sync-state" data-state={on ? (status?.state ?? 'syncing') : 'off'}>
        <b>状态 Status：</b>
        {on ? statusText(status) : '未开启 / off'}
      </p>
      {on && status?.refusals?.length ? <Refusals status={status} /> : null}
      <TeamChanges refresh={status?.at} />
      <fieldset disabled={on}>
        <label>
          服务器地址 Server
          <input data-testid="sync-server" value={form.server} onInput={field('server')} placeholder="https://" />
        </label>
        <label>
          数据库名 Database
          <input data-testid="sync-database" value={form.database} onInput={field('database')} />
        </label>
        <label>
          账号 Account
          <input data-testid="sync-username" value={form.username} onInput={field('username')} autocomplete="off" />
        </label>
        <label>
          密码 Password
          <input
            data-testid="sync-password"
            type="password"
            value={form.password}
            onInput={field('password')}
            autocomplete="new-password"
          />
        </label>
        <label>
          您的称呼（同事看到的名字） Your name
          <input data-testid="sync-name" value={form.name} onInput={field('name')} maxLength={40} />
        </label>
        <label class="row">
          <input
            type="checkbox"
            data-testid="sync-snapshots"
            checked={form.snapshots}
            onChange={(e) => setForm({ ...form, snapshots: (e.target as HTMLInputElement).checked })}
          />
          同时同步售后单（同事打开过的单，也出现在您的弹窗和台账） Also share cases
        </label>
      </fieldset>
      {error && (
        <p class="error" role="alert" data-testid="sync-error">
          {error}
        </p>
      )}
      {on ? (
        <p>
          <button type="button" data-testid="sync-now" onClick={() => void ask({ type: 'sync/now' })}>
            立即同步 Sync now
          </button>{' '}
          <button type="button" data-testid="sync-disable" onClick={disable}>
            关闭同步 Turn off（本机数据保留）
          </button>
        </p>
      ) : (
        <button type="submit" data-testid="sync-enable">
          开启同步 Turn on
        </button>
      )}
    </form>
  );
}

/**
 * Colleagues' documents this browser did not take, each with its reason (the newest first): what a
 * buggy client or a careless colleague wrote never changes this browser, and staff can see that it came.
 */
function Refusals({ status }: { status: SyncStatus }) {
  const list = status.refusals ?? [];
  return (
    <details data-testid="sync-refusals" class="sync-refusals">
      <summary>
        {status.refused} 条同事数据未采用（查看） / {status.refused} refused
      </summary>
      <p class="muted">这些数据不符合本店设置允许的范围或格式，本机没有采用，也不会据此改动本机或团队的数据。</p>
      <ul>
        {list.map((r) => (
          <li key={`${r.id}|${r.at}`} data-refused={r.id}>
            <code>{r.id}</code>
            {r.by ? ` · ${r.by}` : ''} · {r.reason} <span class="muted">{formatChinaShort(Date.parse(r.at))}</span>
          </li>
        ))}
      </ul>
      {(status.refused ?? 0) > list.length && <p class="muted">只列出最新的 {list.length} 条。</p>}
    </details>
  );
}

/**
 * 同事的修改: colleagues' changes to the platform rules and the commitments, with before and after;
 * 撤销 puts back what was in force before (and the team gets it, as any edit made here).
 */
function TeamChanges({ refresh }: { refresh: string | undefined }) {
  const [changes, setChanges] = useState<TeamChange[]>([]);
  useEffect(() => void loadTeamChanges(db).then(setChanges), [refresh]);
  if (!changes.length) return null;
  const undo = async (i: number) => {
    const c = changes[i]!;
    if (c.kind === 'rules') {
      if (c.before) await db.settings.put({ key: RULES_KEY, value: c.before });
      else await db.settings.delete(RULES_KEY);
    } else {
      // Commitments keep their dated history: undoing adds what was in force before, from now on.
      const back = c.before ?? { ...c.entry, enabled: false };
      await db.policies.add({ ...back, effectiveFrom: toChinaIso(Date.now()) });
    }
    const next = changes.map((x, j) => (j === i ? { ...x, undone: true } : x));
    await db.settings.put({ key: TEAM_CHANGES_KEY, value: next });
    setChanges(next);
    await settingsChanged();
  };
  return (
    <div data-testid="team-changes">
      <h3>同事的修改 Colleagues' changes</h3>
      <ul>
        {changes.map((c, i) => (
          <li key={`${c.by}|${c.at}|${i}`} data-kind={c.kind}>
            {changeText(c)}{' '}
            {c.undone ? (
              <span class="muted">已撤销</span>
            ) : (
              <button type="button" data-testid="team-change-undo" onClick={() => void undo(i)}>
                撤销 Undo
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
