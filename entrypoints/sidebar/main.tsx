/**
 * The sidebar: an extension page that the content script frames at the seller page's right edge.
 * It judges the cases the page shows (the engine runs here, not on the page's thread), talks to
 * the ledger itself, and asks the page's content script, over a tab port, for the two things that
 * belong to the page: the sidebar's place on it and the page's reply box.
 */
import './style.css';
import { render } from 'preact';
import { browser, type Browser } from 'wxt/browser';
import { assess, type Assessment } from '../../lib/engine/assess';
import { EMPTY_POLICY } from '../../lib/engine/policy';
import { send, stampMessages } from '../../lib/messaging/client';
import type { Reply } from '../../lib/messaging/protocol';
import { portName, SIDEBAR_HELLO, SIDEBAR_RELAY_PORT, ticketFromHash } from '../../lib/messaging/sidebar-gate';
import {
  parseToSidebar,
  SIDEBAR_PORT,
  SIDEBAR_READINGS_PORT,
  SIDEBAR_WIDTH,
  type ToPage,
} from '../../lib/messaging/sidebar-port';
import { resolveCase } from '../../lib/page/parse';
import { caseKey } from '../../lib/shared/case-key';
import { isDetailPage, type CaseSnapshot } from '../../lib/shared/types';
import { POLICY_VERSION_KEY } from '../../lib/storage/keys';
import type { SyncStatus } from '../../lib/sync/replicator';
import { parseTeamSettings } from '../../lib/sync/settings';
import { TEAM_STATUS_KEY, TEAM_SYNC_KEY } from '../../lib/storage/keys';
import { followLang, followShortcut } from '../../lib/ui/settings';
import type { SidebarActions } from './actions';
import { App } from './App';
import { FOCUS, focusSoon } from './focus';
import { createStore, type SidebarState } from './store';

const store = createStore({
  reading: undefined,
  readAt: 0,
  assessments: new Map(),
  policy: EMPTY_POLICY,
  templates: [],
  selected: undefined,
  ledger: undefined,
  collapsed: false,
  width: SIDEBAR_WIDTH.initial,
  lang: 'zh',
  saveError: undefined,
});

let port: Browser.runtime.Port | undefined;
const post = (m: ToPage) => port?.postMessage(m);

/** Apply a new reading or policy together with the engine's judgement of every case shown, now. */
function judge(patch: Partial<SidebarState>): void {
  const { reading, policy } = { ...store.get(), ...patch };
  const now = Date.now();
  const assessments = new Map<string, Assessment>();
  for (const c of reading?.cases ?? []) assessments.set(c.disputeId, assess(c, policy, now));
  store.set({ ...patch, assessments });
}

/** The case the sidebar shows in full: a detail page's own case, or the one opened from the list. */
function focusCase(): CaseSnapshot | undefined {
  const { reading, selected } = store.get();
  if (isDetailPage(reading?.page)) return reading?.cases[0];
  return reading?.cases.find((c) => c.disputeId === selected);
}

async function loadLedger(): Promise<void> {
  const c = focusCase();
  if (!c) return store.set({ ledger: undefined });
  const got = await send({
    type: 'case/get',
    key: caseKey(c),
  }).catch(() => null);
  store.set({ ledger: got ?? undefined });
}

/** The shop whose settings the sidebar judges with: the page's (or its tab's) shop. */
let policyShop: string | undefined;

async function loadSettings(): Promise<void> {
  const shop = store.get().reading?.shop?.name;
  policyShop = shop;
  const [policy, templates] = await Promise.all([
    send({ type: 'policy/get', ofPage: true, ...(shop ? { shop } : {}) }).catch(() => EMPTY_POLICY),
    send({ type: 'replies/list' }).catch(() => []),
  ]);
  judge({ policy, templates });
}

/** Insert requests waiting for the page's answer. */
const inserts = new Map<number, (answer: { found: boolean; ok: boolean }) => void>();
let nextRequest = 1;

/** Copy from this page, which has the focus after a click here (the seller page does not). */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

const actions: SidebarActions = {
  toggle: (collapsed) => {
    // The focus stays on the toggle: the tab when folded, the fold button when open.
    focusSoon(collapsed ? FOCUS.tab : FOCUS.fold);
    post({ type: 'toggle', collapsed });
  },
  resize: (width) => post({ type: 'resize', width }),
  resizeStart: (screenX) => post({ type: 'resize-start', screenX }),
  resizeEnd: () => post({ type: 'resize-end' }),
  select: (id) => {
    // Into the case opened; back to its row in the list.
    const previous = store.get().selected;
    if (id) focusSoon(FOCUS.caseView(id));
    else if (previous) focusSoon(FOCUS.row(previous));
    store.set({ selected: id });
    void loadLedger();
  },
  claim: async (key, claim) => {
    await send({ type: 'case/staff', key, claim });
    await loadLedger();
  },
  dismissNotes: async (key) => {
    await send({ type: 'case/staff', key, dismissNotes: true });
    await loadLedger();
  },
  staff: async (key, patch) => {
    await send({ type: 'case/staff', key, ...patch });
    await loadLedger();
  },
  insert: async (text) => {
    const requestId = nextRequest++;
    const answer = await new Promise<{ found: boolean; ok: boolean }>((resolve) => {
      inserts.set(requestId, resolve);
      post({ type: 'insert', requestId, text });
      // A page that went away never answers.
      setTimeout(() => resolve({ found: false, ok: false }), 3000);
    });
    inserts.delete(requestId);
    if (answer.ok) return { ok: true, message: '已插入页面的留言框，请检查后由您自己发送' };
    if (await copy(text))
      return {
        ok: false,
        message: answer.found ? '页面没有接受插入，已复制到剪贴板，请粘贴' : '页面上没有找到留言框，已复制到剪贴板',
      };
    return { ok: false, message: '没能插入或复制，请手动选中文字复制' };
  },
};

let lastFocus = '';
/** The parts of a long reading received so far (a newer reading replaces an unfinished one). */
let parts: { seq: number; cases: CaseSnapshot[] } = { seq: 0, cases: [] };

/** What the page's content script (over the tab port) and the background (readings) send. */
function receive(input: unknown): void {
  const m = parseToSidebar(input);
  if (!m) return;
  switch (m.type) {
    case 'reading': {
      // Both senders number readings from the page's one counter: an older one never replaces a newer.
      if (m.seq < parts.seq) break;
      if (m.seq > parts.seq) parts = { seq: m.seq, cases: [] };
      // Posted by the page itself (the background was not there to work out a list's times): done here.
      for (const c of m.reading.cases) parts.cases.push(resolveCase(c, m.readAt));
      if (!m.last) break;
      const reading = { ...m.reading, cases: parts.cases };
      parts = { seq: m.seq, cases: [] };
      const selected = store.get().selected;
      judge({
        reading,
        readAt: m.readAt,
        dataNotes: Array.isArray(m.dataNotes) ? m.dataNotes : [],
        ...(selected && !reading.cases.some((c) => c.disputeId === selected) ? { selected: undefined } : {}),
      });
      // Another shop's page in this tab: its cases are judged by its own settings.
      if (reading.shop?.name !== policyShop) void loadSettings();
      break;
    }
    case 'layout':
      store.set({ collapsed: m.collapsed, width: m.width });
      break;
    case 'select':
      actions.select(m.disputeId);
      break;
    case 'focus':
      focusSoon(FOCUS.title);
      break;
    case 'saved': {
      store.set({ saveError: m.error });
      // The ledger has the case's latest state: show its timeline if the case changed.
      const c = focusCase();
      const focus = c ? `${c.disputeId}:${c.status}` : '';
      if (!m.error && focus !== lastFocus) {
        lastFocus = focus;
        void loadLedger();
      }
      break;
    }
    case 'inserted':
      inserts.get(m.requestId)?.({ found: m.found, ok: m.ok });
      break;
  }
}

/**
 * Readings passed on by the background as they reach the ledger, so the page serialises each once.
 * The background's worker stops now and then: then listen again (meanwhile the page posts directly).
 */
function listenForReadings(ticket: string): void {
  let readings: Browser.runtime.Port;
  try {
    readings = browser.runtime.connect({ name: portName(SIDEBAR_READINGS_PORT, ticket) });
  } catch {
    return; // the extension was reloaded or removed
  }
  readings.onMessage.addListener(receive);
  readings.onDisconnect.addListener(() => setTimeout(() => listenForReadings(ticket), 1000));
}

/**
 * The port to the page's content script: opened straight to the tab where the browser lets a framed
 * extension page (Chrome); where it does not (Firefox has no `tabs` here), through the background.
 */
function connectToPage(tabId: number, ticket: string): void {
  try {
    port =
      typeof browser.tabs?.connect === 'function'
        ? browser.tabs.connect(tabId, { name: SIDEBAR_PORT, frameId: 0 })
        : browser.runtime.connect({ name: portName(SIDEBAR_RELAY_PORT, ticket) });
  } catch {
    return;
  }
  const opened = port;
  opened.onMessage.addListener(receive);
  opened.onDisconnect.addListener(() => {
    if (port !== opened) return;
    port = undefined;
    // The relay goes when the background's worker stops: open it again (a page that left never answers).
    if (!browser.tabs?.connect) setTimeout(() => connectToPage(tabId, ticket), 1000);
  });
}

/**
 * Which tab this sidebar serves, as the background sees it: only a frame our content script made on
 * a seller page holds a ticket the background accepts; any other framing gets no answer and shows nothing.
 */
async function hello(ticket: string | undefined): Promise<number | undefined> {
  if (!ticket) return undefined;
  const reply = (await browser.runtime.sendMessage({ type: SIDEBAR_HELLO, ticket }).catch(() => undefined)) as
    Reply<{ tabId: number }> | undefined;
  return reply?.ok ? reply.value.tabId : undefined;
}

followLang((lang) => store.set({ lang }));
// The shortcut works with the focus in the sidebar too (the page's content script handles the page).
followShortcut(window, () => actions.toggle(!store.get().collapsed));
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  if (changes[POLICY_VERSION_KEY]) void loadSettings();
  if (changes[TEAM_SYNC_KEY] || changes[TEAM_STATUS_KEY]) void loadTeam();
});

/** Team sync's state; what colleagues did shows in the case at once. */
async function loadTeam(): Promise<void> {
  const got = await browser.storage.local.get([TEAM_SYNC_KEY, TEAM_STATUS_KEY]);
  const settings = parseTeamSettings(got[TEAM_SYNC_KEY]);
  const on = settings.ok && settings.settings.enabled;
  const status = got[TEAM_STATUS_KEY] as SyncStatus | undefined;
  const received = !!status?.received && status.at !== store.get().team?.status?.at;
  store.set({ team: on ? { status, name: settings.settings.name } : undefined });
  if (received) await loadLedger();
}

async function start(): Promise<void> {
  const ticket = ticketFromHash(location.hash);
  // Each message carries the ticket, and each is checked: the shop's settings load beside the hello,
  // so the first list already shows with them (a late policy would redraw it under the pointer).
  if (ticket) stampMessages(ticket);
  const [tabId] = await Promise.all([hello(ticket), loadSettings()]);
  if (tabId === undefined || !ticket) {
    document.getElementById('app')!.textContent = '售后雷达的侧栏只在卖家后台页面中显示。';
    return;
  }
  render(<App store={store} actions={actions} />, document.getElementById('app')!);
  listenForReadings(ticket);
  connectToPage(tabId, ticket);
  void loadTeam().then(syncNow);
  // While staff look at this page, colleagues' changes arrive within about 15 s (the alarm takes 30 s).
  setInterval(() => document.visibilityState === 'visible' && syncNow(), 15_000);
}

// A sidebar opening is a good moment to fetch what colleagues did (nothing happens while sync is off).
const syncNow = () => void (store.get().team && send({ type: 'sync/now' }).catch(() => undefined));
void start();
