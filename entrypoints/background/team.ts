/**
 * Team sync in the service worker: runs on an alarm, soon after staff change something, and when a
 * sidebar, popup or options page asks. Does nothing (no request, no database) while sync is off. The
 * worker may be stopped at any moment: every run resumes from its checkpoints (lib/sync/replicator.ts).
 */
import PouchDB from 'pouchdb-core';
import IdbAdapter from 'pouchdb-adapter-idb';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';
import { browser } from 'wxt/browser';
import type { CaseRecord, RadarDB } from '../../lib/storage/db';
import { loadPolicy } from '../../lib/storage/policy-store';
import { POLICY_VERSION_KEY, TAUGHT_VERSION_KEY, TEAM_STATUS_KEY, TEAM_SYNC_KEY } from '../../lib/storage/keys';
import { TeamSync, type SyncStatus } from '../../lib/sync/replicator';
import { databaseUrl, parseTeamSettings, serverOrigin, syncFailure, type TeamSettings } from '../../lib/sync/settings';
import type { StaffPatch } from '../../lib/sync/team-case';
import { toChinaIso } from '../../lib/shared/china-time';
import { fnv1a } from '../../lib/shared/hash';

PouchDB.plugin(IdbAdapter).plugin(HttpAdapter).plugin(Replication);

const ALARM = 'team-sync';
/** A change made here reaches the server this soon (ms). */
const SOON_MS = 1500;

/** The team sync of this browser's ledger: its settings, and runs that never overlap. */
function teamRunner(db: RadarDB, afterWrite: () => void) {
  let local: { db: PouchDB.Database; of: string } | undefined;
  let team: { sync: TeamSync; key: string } | undefined;
  let running: Promise<SyncStatus> | undefined;
  let again = false;
  const halts = new Set<AbortController>();

  async function settings(): Promise<TeamSettings | undefined> {
    const stored = (await browser.storage.local.get(TEAM_SYNC_KEY))[TEAM_SYNC_KEY];
    const r = parseTeamSettings(stored);
    return r.ok && r.settings.enabled ? r.settings : undefined;
  }

  /** The team sync for these settings (a new one when the name or the switch changed). */
  function teamFor(s: TeamSettings): TeamSync {
    // The team's documents are kept per shop database: another server or database starts afresh (its
    // own checkpoints; nothing of one shop is pushed to another).
    const of = databaseUrl(s);
    if (local?.of !== of) local = { of, db: new PouchDB(`radar-team-${fnv1a(of)}`, { adapter: 'idb' }) };
    const key = `${of}|${s.name}|${s.snapshots}`;
    if (team?.key !== key)
      team = {
        key,
        sync: new TeamSync({ db, local: local.db, name: s.name, snapshots: s.snapshots, policy: () => loadPolicy(db) }),
      };
    return team.sync;
  }

  async function runOnce(): Promise<SyncStatus> {
    const s = await settings();
    if (!s) {
      // Said once: a popup or sidebar opening asks for a run, and an unchanged status need not be written.
      const last = (await browser.storage.local.get(TEAM_STATUS_KEY))[TEAM_STATUS_KEY] as SyncStatus | undefined;
      return last?.state === 'off' ? last : setStatus({ state: 'off', pending: 0 });
    }
    const sync = teamFor(s);
    const origin = serverOrigin(s.server);
    const at = toChinaIso(Date.now());
    if (!('pattern' in origin) || !(await browser.permissions.contains({ origins: [origin.pattern] })))
      return setStatus({
        state: 'rejected',
        pending: await sync.pending(),
        at,
        error: '没有访问同步服务器的权限，请在设置中重新开启 / no permission for the server',
      });
    // Turning sync off aborts this run's requests at once, and refuses any it would start after.
    const halt = new AbortController();
    halts.add(halt);
    const remote = new PouchDB(databaseUrl(s), {
      adapter: 'http',
      skip_setup: true,
      auth: { username: s.username, password: s.password },
      fetch: (url, init) =>
        halt.signal.aborted
          ? Promise.reject(new Error('team sync was turned off'))
          : fetch(url, { ...init, signal: halt.signal }),
    });
    try {
      const status = await sync.run(remote, Date.now());
      // Colleagues' changes are in the ledger: the alerts and the toolbar badge follow.
      if (status.received) afterWrite();
      return await setStatus(status);
    } catch (e) {
      return setStatus({ ...syncFailure(e), pending: await sync.pending().catch(() => 0), at });
    } finally {
      halts.delete(halt);
    }
  }

  /** Stop every request of the runs under way (sync turned off or its settings changed). */
  const halt = () => {
    for (const h of halts) h.abort();
  };

  /** Run now, or once more after the run under way (never two at once). */
  function run(): Promise<SyncStatus> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let status: SyncStatus;
      do {
        again = false;
        status = await runOnce();
      } while (again);
      return status;
    })().finally(() => (running = undefined));
    return running;
  }

  return { settings, teamFor, run, halt };
}

async function setStatus(status: SyncStatus): Promise<SyncStatus> {
  await browser.storage.local.set({ [TEAM_STATUS_KEY]: status });
  return status;
}

/** `afterWrite`: the ledger changed (the alerts re-plan). */
export function installTeamSync(db: RadarDB, afterWrite: () => void) {
  const { settings, teamFor, run, halt } = teamRunner(db, afterWrite);
  let soon: ReturnType<typeof setTimeout> | undefined;
  const runSoon = () => {
    clearTimeout(soon);
    soon = setTimeout(() => void run(), SOON_MS);
  };
  /** Changes written here, waiting for the next run: the sidebar's mark says so at once. */
  const showPending = async (sync: TeamSync) => {
    const last = (await browser.storage.local.get(TEAM_STATUS_KEY))[TEAM_STATUS_KEY] as SyncStatus | undefined;
    if (last?.state !== 'rejected' && last?.state !== 'offline')
      await setStatus({ ...(last ?? {}), state: 'pending', pending: await sync.pending() });
  };
  async function plan() {
    if (await settings()) await browser.alarms.create(ALARM, { periodInMinutes: 0.5, delayInMinutes: 0.5 });
    else await browser.alarms.clear(ALARM);
    await run();
  }

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void run();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (changes[TEAM_SYNC_KEY]) {
      halt();
      clearTimeout(soon);
      void plan();
    }
    // The shop's settings changed here (options page, taught labels): write them for the team.
    else if (changes[POLICY_VERSION_KEY] || changes[TAUGHT_VERSION_KEY])
      void settings().then(async (s) => {
        if (s && (await teamFor(s).shareShop(Date.now()))) runSoon();
      });
  });
  browser.runtime.onStartup.addListener(() => void plan());
  browser.runtime.onInstalled.addListener(() => void plan());

  return {
    run,
    /** Staff data through the team document when sync is on; 'off' when it is off (the ledger alone). */
    staff: async (key: string, patch: StaffPatch): Promise<CaseRecord | undefined | 'off'> => {
      const s = await settings();
      if (!s) return 'off';
      const sync = teamFor(s);
      const rec = await sync.staff(key, patch, Date.now());
      await showPending(sync);
      runSoon();
      return rec;
    },
    /** After a page read was stored: colleagues' data for new cases, and the cases for the team. */
    afterSeen: async (keys: string[], createdKeys: string[]): Promise<boolean> => {
      const s = await settings();
      if (!s) return false;
      const sync = teamFor(s);
      if (createdKeys.length) await sync.fillNew(createdKeys, Date.now());
      // Not awaited: the page waits for its badges, not for the team's copy (a failed share is redone
      // by the next reading, which compares again).
      if (s.snapshots) void sync.shareCases(keys, Date.now()).then(runSoon, () => undefined);
      return true;
    },
  };
}
