/**
 * The seller pages' own data responses, kept in the background by the frame they came to. A content
 * script forwards each response's text as it came; the cases it later reads from that frame's rows
 * are filled from here (what the rows do not show) before they reach the sidebar, the ledger and
 * the badges. Parsing and converting a response is not the page's work: its thread only reads rows.
 * Free of browser APIs: the background passes in who sent what.
 */
import type { CaseSnapshot, Platform } from '../shared/types';
import { keepResponseCases, mergeDataIntoCase, type DataCase } from '../page/mtop';

interface FrameData {
  /** The document the responses came to: a frame's next page starts afresh. */
  doc: string;
  cases: Map<string, DataCase>;
}

export class PageData {
  /**
   * This worker's life: a content script that sees another one in a reply knows the responses it
   * forwarded were lost with the last worker (an MV3 worker stops when idle) and forwards them again.
   */
  readonly epoch = crypto.randomUUID();
  private readonly frames = new Map<string, FrameData>();

  private frame(tabId: number, frameId: number, doc: string, create: boolean): FrameData | undefined {
    const key = `${tabId}:${frameId}`;
    const known = this.frames.get(key);
    if (known?.doc === doc || !create) return known?.doc === doc ? known : undefined;
    const fresh: FrameData = { doc, cases: new Map() };
    this.frames.set(key, fresh);
    return fresh;
  }

  /** Keep a response's cases for this frame's document; false when the text is not JSON. */
  keep(tabId: number, frameId: number, doc: string, platform: Platform, text: string, now: number): boolean {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return false;
    }
    keepResponseCases(this.frame(tabId, frameId, doc, true)!.cases, body, platform, now);
    return true;
  }

  /** The cases this frame's document showed, with what its responses add (the rows stay the authority). */
  fill(tabId: number, frameId: number, doc: string | undefined, cases: CaseSnapshot[]): CaseSnapshot[] {
    const data = doc === undefined ? undefined : this.frame(tabId, frameId, doc, false)?.cases;
    if (!data?.size) return cases;
    return cases.map((c) => mergeDataIntoCase(c, data.get(c.disputeId)));
  }

  /** A closed tab's frames. */
  dropTab(tabId: number): void {
    for (const key of this.frames.keys()) if (key.startsWith(`${tabId}:`)) this.frames.delete(key);
  }
}
