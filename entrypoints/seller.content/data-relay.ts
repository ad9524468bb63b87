/**
 * The page's own data responses (the main-world observer's copies) go to the background as they
 * came: it parses them and fills the cases read here with what the rows do not show, so the page's
 * thread only reads rows. `version` counts them (a new one means a new reading). The background
 * answers with its `epoch`, the worker's life: an answer from another worker means the responses
 * were lost when the old one stopped, so the last few are forwarded again.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MAX_RESPONSE_CHARS, MTOP_MESSAGE_TAG, MTOP_REPLAY_TAG } from '../../lib/page/mtop-api';
import type { Platform } from '../../lib/shared/types';

/** The page data responses kept to forward again to a restarted background (the latest list's is what matters). */
export const KEPT_RESPONSES = 3;

export interface DataRelay {
  /** How many responses came (or were forwarded again): a reading filled from another count is another reading. */
  readonly version: number;
  /** A response the observer saw: keep it, forward it. */
  receive: (text: string) => void;
  /** An answer carrying the worker's epoch: forward the kept responses again if that worker does not hold them. */
  checkEpoch: (epoch: string | undefined) => void;
  /** Forward at once what waits for idle time (before the cases go to the ledger: messages arrive in order). */
  flush: () => void;
}

export interface RelayDeps {
  /** Send one response to the background (`page/data`); resolves to the worker's epoch. */
  forward: (text: string, platform: Platform) => Promise<string>;
  platform: () => Platform;
  /** Something changed that makes the next reading a new one. */
  onChange: () => void;
  /**
   * When to forward a response (default: at once). A response arrives just before the page draws
   * what it brought, and sending a list's (226 KB for 200 demo rows) cost the page's thread ~13 ms
   * of serialising (profiled, busy machine): the content script passes idle time here, so the
   * page's rows come first.
   */
  later?: (forward: () => void) => void;
}

export function createDataRelay({ forward, platform, onChange, later }: RelayDeps): DataRelay {
  const responses: string[] = [];
  /** Received, not yet forwarded (in order). */
  const waiting: string[] = [];
  let version = 0;
  /** The background worker that holds them (undefined: none yet, or being forwarded again). */
  let epoch: string | undefined;
  const send = async (text: string) => {
    try {
      epoch = await forward(text, platform());
    } catch {
      // Not JSON, or the extension went away: the rows are read all the same.
    }
  };
  const flush = () => {
    for (const text of waiting.splice(0)) void send(text);
  };
  return {
    get version() {
      return version;
    },
    receive(text) {
      responses.push(text);
      if (responses.length > KEPT_RESPONSES) responses.shift();
      version++;
      waiting.push(text);
      if (later) later(flush);
      else flush();
      onChange();
    },
    flush,
    checkEpoch(answered) {
      if (!epoch || !answered || answered === epoch) return;
      epoch = undefined;
      waiting.length = 0;
      // Messages arrive in order: the next reading, a new one for the ledger and the sidebar, finds them there again.
      for (const text of responses) void send(text);
      version++;
      onChange();
    },
  };
}

/** Take the observer's copies (same origin only) and ask it for those it saw before this script ran. */
export function listenToObserver(ctx: ContentScriptContext, relay: DataRelay): void {
  ctx.addEventListener(window, 'message', (e: MessageEvent) => {
    // Same origin only (e.source is another world's window object here); the background validates the body field by field.
    if (e.origin !== location.origin) return;
    const msg = e.data as { tag?: unknown; text?: unknown } | null;
    if (!msg || msg.tag !== MTOP_MESSAGE_TAG || typeof msg.text !== 'string' || msg.text.length > MAX_RESPONSE_CHARS)
      return;
    relay.receive(msg.text);
  });
  window.postMessage({ tag: MTOP_REPLAY_TAG }, location.origin);
}
