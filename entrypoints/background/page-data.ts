/**
 * The seller pages' own data responses, kept in the background by the frame they came to. A content
 * script forwards each response's text as it came; the cases it later reads from that frame's rows
 * are filled from here (what the rows do not show) before they reach the sidebar, the ledger and
 * the badges. Parsing and converting a response is not the page's work: its thread only reads rows.
 *
 * Where the rows and the data meet, the data is calibrated (lib/page/calibration.ts): a field fills
 * cases only after it agreed with what the rows show for the same case, per response shape, and a
 * field that disagrees is switched off and becomes a drift note (the sidebar's diagnostics).
 * Free of browser APIs: the background passes in who sent what.
 */
import type { CaseSnapshot, Platform } from '../../lib/shared/types';
import { Calibration, type DataNote } from '../../lib/page/calibration';
import { fillCases, KeptRows, parseResponseText, rowsInResponse } from '../../lib/page/mtop';

interface FrameData {
  /** The document the responses came to: a frame's next page starts afresh. */
  doc: string;
  rows: KeptRows;
  /** What the last responses to this document had that was ignored (the latest few). */
  notes: DataNote[];
}

const MAX_FRAME_NOTES = 10;

export class PageData {
  /**
   * This worker's life: a content script that sees another one in a reply knows the responses it
   * forwarded were lost with the last worker (an MV3 worker stops when idle) and forwards them again.
   */
  readonly epoch = crypto.randomUUID();
  private readonly frames = new Map<string, FrameData>();
  /** Per response shape, what each field's checks against the pages found (all tabs: a shape is the API's). */
  readonly calibration = new Calibration();

  private frame(tabId: number, frameId: number, doc: string, create: boolean): FrameData | undefined {
    const key = `${tabId}:${frameId}`;
    const known = this.frames.get(key);
    if (known?.doc === doc || !create) return known?.doc === doc ? known : undefined;
    const fresh: FrameData = { doc, rows: new KeptRows(), notes: [] };
    this.frames.set(key, fresh);
    return fresh;
  }

  /** Keep a response's rows for this frame's document; false when the text is not JSON (or JSONP). */
  keep(tabId: number, frameId: number, doc: string, platform: Platform, text: string): boolean {
    const body = parseResponseText(text);
    if (body === undefined) return false;
    const frame = this.frame(tabId, frameId, doc, true)!;
    const found = rowsInResponse(body);
    frame.rows.keep(found, platform);
    for (const note of found.notes) {
      if (note.level === 'info') continue;
      frame.notes = frame.notes.filter((n) => n.text !== note.text);
      frame.notes.push(note);
    }
    if (frame.notes.length > MAX_FRAME_NOTES) frame.notes.splice(0, frame.notes.length - MAX_FRAME_NOTES);
    return true;
  }

  /** The cases this frame's document showed, with what its responses add once calibrated (the rows stay the authority). */
  fill(tabId: number, frameId: number, doc: string | undefined, cases: CaseSnapshot[], now: number): CaseSnapshot[] {
    const rows = doc === undefined ? undefined : this.frame(tabId, frameId, doc, false)?.rows;
    if (!rows?.size) return cases;
    return fillCases(cases, rows, this.calibration, now);
  }

  /** The tab's diagnostics: fields switched off for the shapes its frames received, and what its responses had ignored. */
  notes(tabId: number): DataNote[] {
    const shapes = new Set<string>();
    const ignored: DataNote[] = [];
    for (const [key, frame] of this.frames) {
      if (!key.startsWith(`${tabId}:`)) continue;
      for (const s of frame.rows.shapes) shapes.add(s);
      ignored.push(...frame.notes);
    }
    return [...this.calibration.notes(shapes), ...ignored].slice(0, 20);
  }

  /** A closed tab's frames. */
  dropTab(tabId: number): void {
    for (const key of this.frames.keys()) if (key.startsWith(`${tabId}:`)) this.frames.delete(key);
  }
}
