/**
 * Runs in the page's main world and only *reads* the after-sales data responses the page receives
 * (fetch and XMLHttpRequest), handing a copy to our isolated content script. It never alters,
 * repeats, delays or sends a request, and passes every call through untouched.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { SELLER_HOST_PATTERNS } from '../../lib/page/hosts';
import { MAX_RESPONSE_CHARS, MTOP_MESSAGE_TAG, MTOP_REPLAY_TAG, OBSERVED_API } from '../../lib/page/mtop-api';

export default defineContentScript({
  matches: [...SELLER_HOST_PATTERNS],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  // Firefox MV2 has no main-world content scripts; there the DOM reader works alone.
  exclude: ['firefox'],
  main() {
    // Responses often arrive before the isolated script is listening: keep the last few (as text,
    // which is far smaller than the parsed objects) until it asks for them, then keep nothing.
    const recent: { tag: string; url: string; text: string }[] = [];
    let listening = false;
    const hand = (url: string, text: string) => {
      if (text.length > MAX_RESPONSE_CHARS) return;
      const copy = { tag: MTOP_MESSAGE_TAG, url, text };
      if (!listening) {
        recent.push(copy);
        if (recent.length > 3) recent.shift();
      }
      window.postMessage(copy, location.origin);
    };
    window.addEventListener('message', (e) => {
      if (e.origin === location.origin && (e.data as { tag?: unknown } | null)?.tag === MTOP_REPLAY_TAG) {
        listening = true;
        for (const copy of recent.splice(0)) window.postMessage(copy, location.origin);
      }
    });

    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the page's own `this`
    const originalFetch = window.fetch;
    window.fetch = function observedFetch(this: unknown, ...args: Parameters<typeof fetch>) {
      const result = originalFetch.apply(this, args);
      try {
        const input = args[0];
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (OBSERVED_API.test(url)) {
          result
            .then((res) => res.clone().text())
            .then(
              (text) => hand(url, text),
              () => undefined,
            );
        }
      } catch {
        // Observation must never affect the page's own call.
      }
      return result;
    };

    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the request as `this`
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function observedOpen(this: XMLHttpRequest, ...args: unknown[]) {
      try {
        const url = String(args[1]);
        if (OBSERVED_API.test(url)) {
          this.addEventListener('load', () => {
            if (this.responseType === '' || this.responseType === 'text') hand(url, this.responseText);
            else if (this.responseType === 'json') hand(url, JSON.stringify(this.response));
          });
        }
      } catch {
        // as above
      }
      return (open as (...a: unknown[]) => void).apply(this, args);
    };
  },
});
