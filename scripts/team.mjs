// Team sync for the demo, the end-to-end tests and the benchmarks: the sync server as its own process,
// and browser profiles of staff who have joined the shop's team.
//
// Chrome asks the user before the extension may reach the server (an optional host permission,
// requested when staff turn sync on), and automation cannot answer that prompt (playwright#32755). So
// the profiles here load a copy of the build whose manifest already holds the loopback origin: the
// grant a user gives at the prompt. The extension's own manifest is unchanged (and audited: only the
// one optional pattern); everything else (the options form, the request, the runs) is the real thing.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from './chromium.mjs';
import { DEMO_USERS } from './sync-server.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/**
 * `node scripts/sync-server.mjs --control` in its own process. `pause()`/`resume()` take it off the
 * network and back (the data stays), `requests()` is what it received (never credentials).
 */
export async function startSyncServerProcess({ port = 0 } = {}) {
  const child = spawn(
    process.execPath,
    [path.join(root, 'scripts/sync-server.mjs'), '--port', String(port), '--control'],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const waiting = [];
  let buffer = '';
  let url;
  const ready = new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`sync server exited (${code})`)));
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('{')) waiting.shift()?.(JSON.parse(line));
        else if (!url && /^http:\/\/[^ ]+/.test(line)) {
          url = new URL(line.split(/\s/)[0]).origin;
          resolve();
        }
      }
    });
  });
  await ready;
  const command = (word) =>
    new Promise((resolve) => {
      waiting.push(resolve);
      child.stdin.write(`${word}\n`);
    });
  return {
    url,
    pause: () => command('pause'),
    resume: () => command('resume'),
    requests: async () => (await command('requests')).requests,
    close: async () => {
      child.kill();
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    },
  };
}

/** A copy of the build with `origin` granted, as a user grants it at Chrome's prompt (see above). */
export function grantedBuild(extensionPath, origin) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'radar-granted-'));
  fs.cpSync(extensionPath, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  const { protocol, hostname } = new URL(origin);
  manifest.host_permissions = [...manifest.host_permissions, `${protocol}//${hostname}/*`];
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
  return dir;
}

/** A staff member's browser with the extension, joined to the team through the options page. */
export async function staffBrowser({ extensionPath, backendPort, headless = true, staff }) {
  const browser = await launchBrowser({ extensionPath, port: backendPort, headless });
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html#team`);
  if (staff) await joinTeam(options, staff);
  return { ...browser, options };
}

/**
 * Fill 团队同步 and turn it on; waits for the first run's answer. Answers the state shown
 * ('synced', 'rejected', 'offline' …).
 */
export async function joinTeam(
  options,
  { server, database, username, password, name, snapshots = false },
  { wait = true } = {},
) {
  const form = options.getByTestId('team-sync');
  await form.getByTestId('sync-server').fill(server);
  await form.getByTestId('sync-database').fill(database);
  await form.getByTestId('sync-username').fill(username);
  await form.getByTestId('sync-password').fill(password);
  await form.getByTestId('sync-name').fill(name);
  if (snapshots) await form.getByTestId('sync-snapshots').check();
  await form.getByTestId('sync-enable').click();
  await options.waitForFunction(
    () => document.querySelector('[data-testid=sync-state]')?.getAttribute('data-state') !== 'off',
  );
  return wait ? settled(options) : undefined;
}

/** Wait until the options page shows a settled sync state (not syncing, not pending), and answer it. */
export async function settled(options, { timeout = 60_000 } = {}) {
  const state = options.getByTestId('sync-state');
  const end = Date.now() + timeout;
  for (;;) {
    const now = await state.getAttribute('data-state');
    if (now && !['syncing', 'pending'].includes(now)) return now;
    if (Date.now() > end) throw new Error(`sync did not settle (state ${now})`);
    await options.waitForTimeout(200);
  }
}

/** Ask for a run now (as the sidebar does when it opens) and wait for it to settle. */
export async function syncNow(options) {
  await options.evaluate(() => chrome.runtime.sendMessage({ type: 'sync/now' }));
  return settled(options);
}

/**
 * The demo shop's team: the sync server (its own process), the build with its origin granted, and the
 * join settings of its two staff accounts (`xiaowang(name, snapshots)`, `xiaoli(…)`; `wrongPassword`).
 */
export async function demoTeam(extensionPath) {
  const server = await startSyncServerProcess();
  const database = Object.keys(DEMO_USERS.databases)[0];
  const [[userA, passA], [userB, passB]] = Object.entries(DEMO_USERS.databases[database]);
  const account =
    (username, password) =>
    (name, snapshots = true) => ({ server: server.url, database, username, password, name, snapshots });
  return {
    server,
    database,
    users: [userA, userB],
    extensionPath: grantedBuild(extensionPath, server.url),
    xiaowang: account(userA, passA),
    xiaoli: account(userB, passB),
    wrongPassword: account(userB, 'wrong-password'),
  };
}

/** A backup file of `n` open refund cases with ids from `base` (what the options page imports). */
export function casesBackup(n, base = 700000000000000) {
  const at = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
  const source = {
    page: 'refund-list',
    url: 'https://myseller.taobao.com/home.htm/trade-platform/refund-list',
    readAt: at,
  };
  const cases = Array.from({ length: n }, (_, i) => {
    const disputeId = String(base + i);
    const c = { platform: 'taobao', disputeId, kind: 'refund', status: 'WAIT_SELLER_AGREE', statusText: '退款待处理' };
    return {
      ...c,
      flags: {},
      key: `taobao:${disputeId}`,
      refundFen: 1000 + i,
      firstSeenAt: at,
      lastSeenAt: at,
      lastSource: source,
    };
  });
  return {
    format: 'aftersales-radar/backup',
    version: 1,
    exportedAt: at,
    cases,
    events: [],
    policies: [],
    replies: [],
    settings: [],
  };
}
