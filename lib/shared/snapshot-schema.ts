/**
 * The one definition of a case snapshot: its valibot schema, from which its TypeScript type is
 * inferred (lib/shared/types.ts `CaseSnapshot`). The protocol validates page readings with it, the
 * backup validates the ledger's records with it. Also the one ISO-time schema and the page kinds'.
 * Kept apart from types.ts so the engine and the content script, which use the types only, never
 * bundle valibot.
 */
import * as v from 'valibot';
import { CASE_ID } from './case-key';
import {
  AUTO_ACTIONS,
  CASE_KINDS,
  CASE_STATUSES,
  GOODS_STATUSES,
  PAGE_KINDS,
  PHASES,
  PLATFORMS,
  PROVINCES,
  REFUND_TYPES,
} from './lists';

/** An instant as the platform's times are kept: ISO 8601 with an explicit offset (China time, +08:00). */
export const IsoTime = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp());
export const PageKindSchema = v.picklist(PAGE_KINDS);
export const PlatformSchema = v.picklist(PLATFORMS);

const ShortText = v.pipe(v.string(), v.maxLength(500));
const Fen = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e11));
const Id = v.pipe(v.string(), v.regex(/^\d{1,24}$/));
const CaseId = v.pipe(v.string(), v.regex(CASE_ID));

/** The platform's own countdown as read from the page: the authority for deadlines. */
export const PageDeadlineSchema = v.object({
  /** Absolute instant: time of reading + the duration shown. */
  at: IsoTime,
  /** The action the page announces, when it says one. */
  action: v.optional(v.picklist(AUTO_ACTIONS)),
  /** The countdown text exactly as shown, e.g. 还剩1天3时20分. */
  text: ShortText,
});

export const ReturnLogisticsSchema = v.object({
  carrier: v.optional(ShortText),
  number: v.optional(ShortText),
  /** e.g. 已签收, 已拒收, 运输中 */
  state: v.optional(ShortText),
  shippedAt: v.optional(IsoTime),
  signedAt: v.optional(IsoTime),
  /** The province the return was sent from, as the page names it (退货发货地 / 寄件地): the freight table's key. */
  fromProvince: v.optional(v.picklist(PROVINCES)),
});

/** One entry of 协商历史. */
/** Who acted in a 协商历史 entry, as the page's actor slot names them (classified in lib/page). */
export const HISTORY_ACTORS = ['buyer', 'seller', 'platform'] as const;
/** What kind of event a 协商历史 entry records (classified in lib/page from the entry's own wording). */
export const HISTORY_EVENTS = ['agreed', 'refused', 'returned'] as const;

/** One entry of 协商历史: what the page shows, and what the reader made of it. */
export const HistoryEntrySchema = v.object({
  at: IsoTime,
  actor: ShortText,
  text: v.pipe(v.string(), v.maxLength(2000)),
  by: v.optional(v.picklist(HISTORY_ACTORS)),
  event: v.optional(v.picklist(HISTORY_EVENTS)),
});

export const CaseFlagsSchema = v.object({
  /** 小二已介入 / 客服介入 */
  platformIntervened: v.optional(v.boolean()),
  /** 待举证 / 举证中: the platform asked for evidence (the status says so). */
  evidenceAsked: v.optional(v.boolean()),
  /** 运费险 */
  freightInsurance: v.optional(v.boolean()),
  /** 包邮 */
  freeShipping: v.optional(v.boolean()),
  /** 买家催促 */
  buyerUrged: v.optional(v.boolean()),
  /** 极速退款 */
  fastRefund: v.optional(v.boolean()),
});

/** A shop's name as a page shows it (lib/page/shop.ts): the key of its settings. */
export const ShopName = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(60));

/** The shop a page's header names. */
export const PageShopSchema = v.object({
  name: ShopName,
  via: v.picklist(['title', 'account', 'mark']),
  tmall: v.optional(v.literal(true)),
});

/** A case as the ledger stores it from readings: every field a reader may fill; all optional but the identity. */
export const CaseSnapshotSchema = v.object({
  platform: PlatformSchema,
  disputeId: CaseId,
  /**
   * The shop the case belongs to: set by the background from the page's header (or its tab's last
   * naming page), never by a row; a later reading that names another is a drift note, not a change.
   */
  shop: v.optional(ShopName),
  kind: v.picklist(CASE_KINDS),
  orderId: v.optional(Id),
  refundType: v.optional(v.picklist(REFUND_TYPES)),
  phase: v.optional(v.picklist(PHASES)),
  shipped: v.optional(v.boolean()),
  goodsStatus: v.optional(v.picklist(GOODS_STATUSES)),
  status: v.picklist(CASE_STATUSES),
  statusText: v.optional(ShortText),
  refundFen: v.optional(Fen),
  paidFen: v.optional(Fen),
  postageFen: v.optional(Fen),
  appliedAt: v.optional(IsoTime),
  paidAt: v.optional(IsoTime),
  shippedAt: v.optional(IsoTime),
  signedAt: v.optional(IsoTime),
  pageDeadline: v.optional(PageDeadlineSchema),
  reason: v.optional(ShortText),
  item: v.optional(ShortText),
  /** The item's id (商品 ID, the `id=` of its item.htm link), from the row's item link or the page's data. */
  itemId: v.optional(Id),
  returnLogistics: v.optional(ReturnLogisticsSchema),
  history: v.optional(v.pipe(v.array(HistoryEntrySchema), v.maxLength(200))),
  /** Masked nick, e.g. 张**. Never stored in full. */
  buyer: v.optional(v.pipe(v.string(), v.maxLength(40))),
  flags: CaseFlagsSchema,
  /** Fields filled from the page's own data response rather than its visible text. */
  fromData: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(40))), v.maxLength(40))),
  /**
   * What the reader could not trust on the page and left out, in words for staff, e.g.
   * 售后状态：页面上有两个不同的值，未采用.
   */
  drift: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(10))),
});

/** The time fields a row shows, as the page shows them (e.g. 2026-11-20 13:05:22). */
export const UnparsedTimesSchema = v.object({
  /** Each time field's text. */
  times: v.optional(
    v.object({
      appliedAt: v.optional(ShortText),
      paidAt: v.optional(ShortText),
      shippedAt: v.optional(ShortText),
      signedAt: v.optional(ShortText),
    }),
  ),
  /** The pieces that may hold the row's countdown, in order: the first that reads as one is it. */
  countdown: v.optional(v.pipe(v.array(ShortText), v.maxLength(20))),
});

/**
 * A case as a page's reading carries it: a list row's times and countdown may still be the text
 * shown (`unparsed`), which the background works out (lib/page/parse.ts `resolveCase`) before
 * anything else, so the page's thread does not parse them. Never stored.
 */
export const ReadCaseSchema = v.object({ ...CaseSnapshotSchema.entries, unparsed: v.optional(UnparsedTimesSchema) });
