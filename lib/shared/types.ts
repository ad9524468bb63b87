/**
 * Plain data shared by the page readers, the engine, storage and the UI.
 * Times are ISO 8601 strings with an explicit offset (China time, +08:00); money is integer fen.
 */

import type * as v from 'valibot';
import type {
  CaseFlagsSchema,
  HistoryEntrySchema,
  PageDeadlineSchema,
  ReadCaseSchema,
  ReturnLogisticsSchema,
  UnparsedTimesSchema,
} from './snapshot-schema';
import type { PageEra, PageKind, Platform, Province } from './lists';
import { PROVINCES } from './lists';

export * from './lists';

// A case snapshot and its parts: inferred from their one definition, the valibot schemas in
// snapshot-schema.ts (which also say what each field means).
export type PageDeadline = v.InferOutput<typeof PageDeadlineSchema>;
export type ReturnLogistics = v.InferOutput<typeof ReturnLogisticsSchema>;
export type HistoryEntry = v.InferOutput<typeof HistoryEntrySchema>;
export type CaseFlags = v.InferOutput<typeof CaseFlagsSchema>;
/** Every field a reader may fill; all optional but the identity. `unparsed` is never stored. */
export type CaseSnapshot = v.InferOutput<typeof ReadCaseSchema>;
export type UnparsedTimes = v.InferOutput<typeof UnparsedTimesSchema>;

/** The time fields a row shows. */
export type TimeField = 'appliedAt' | 'paidAt' | 'shippedAt' | 'signedAt';

/** Where a snapshot was read, and when. */
export interface Observation {
  page: PageKind;
  url: string;
  readAt: string;
}

/** What one page read produced. */
/** The shop a page names in its header (lib/page/shop.ts). `tmall`: the header carries the Tmall mark. */
export interface PageShop {
  /** The shop's name as the page shows it. */
  name: string;
  /** Which header family named it: the title bar, the logged-in account's main account, the Tmall mark. */
  via: 'title' | 'account' | 'mark';
  tmall?: true;
}

export interface PageReading {
  page: PageKind;
  era: PageEra;
  platform: Platform;
  /** The shop the page's header names; absent when it names none (the background then asks the tab). */
  shop?: PageShop;
  /** Stat cards of 售后工作台, label → number. */
  stats: Record<string, number>;
  cases: CaseSnapshot[];
  /** Labels the page kind should show but which were not found: drift warnings. */
  missing: string[];
  /** Texts that look like labels but name no field we know, for staff to teach (at most 30). */
  unknownLabels?: string[];
}

/**
 * The money a case puts at stake: the refund asked for, the goods' price for an exchange, the postage
 * claimed for a postage case. What the ledger ranks equal deadlines by, and what the lists show.
 */
export function amountAtStake(
  c: Pick<CaseSnapshot, 'kind' | 'refundFen' | 'paidFen' | 'postageFen'>,
): number | undefined {
  return c.kind === 'postage' ? c.postageFen : c.kind === 'exchange' ? c.paidFen : c.refundFen;
}

/** Fen as yuan with two decimals, the one money formatter: `yuanFigure(1230)` is '12.30'. */
export const yuanFigure = (fen: number) => (fen / 100).toFixed(2);
/** Fen as staff read money everywhere: `yuan(1230)` is '¥12.30'. */
export const yuan = (fen: number) => `¥${yuanFigure(fen)}`;

/**
 * The province an address or place text starts with (浙江省杭州市…, 内蒙古自治区…, 上海市…), or the
 * first one it names; undefined when it names none.
 * @example provinceIn('浙江省杭州市余杭区') //=> '浙江'
 */
export function provinceIn(text: string): Province | undefined {
  let best: Province | undefined;
  let at = Infinity;
  for (const p of PROVINCES) {
    const i = text.indexOf(p);
    if (i >= 0 && i < at) [best, at] = [p, i];
  }
  return best;
}
