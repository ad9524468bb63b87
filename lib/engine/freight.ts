/**
 * The shop's own freight table (运费表, as its 买家须知 states it): a default first-weight (首重) and
 * extra-weight (续重, per kg) price, other prices for listed provinces, per carrier. Pure: the parser
 * of a pasted 买家须知, the lookup for a province, and the check of a 退货邮费 claim against it.
 */
import { PROVINCES, type CaseSnapshot, type Province } from '../shared/types';

export interface FreightRate {
  /** 首重, fen. */
  firstFen: number;
  /** 续重 per kg, fen, when the table says it. */
  extraFen?: number;
}

export interface FreightRegion extends FreightRate {
  provinces: Province[];
  /** A carrier named for these provinces only (港台顺丰30元 → 顺丰). */
  carrier?: string;
}

/** One carrier's table (no carrier: the shop's default table). */
export interface FreightTable {
  carrier?: string;
  /** Every province the regions do not list; none when the table names only some provinces. */
  default?: FreightRate;
  regions: FreightRegion[];
}

/** At most this many tables, regions a table, and characters of a carrier's name: the stored policy's bounds. */
export const FREIGHT_LIMITS = { tables: 10, regions: 40, carrier: 20, maxFen: 100_000 } as const;

// ---- parsing a pasted 买家须知 ----------------------------------------------------------------------

/** Groups of provinces a table writes as one word. */
const GROUPS: [RegExp, Province[]][] = [
  [/江浙沪皖/g, ['江苏', '浙江', '上海', '安徽']],
  [/江浙沪/g, ['江苏', '浙江', '上海']],
  [/京津冀/g, ['北京', '天津', '河北']],
  [/港澳台/g, ['香港', '澳门', '台湾']],
  [/港澳/g, ['香港', '澳门']],
  [/港台/g, ['香港', '台湾']],
  [/东三省/g, ['辽宁', '吉林', '黑龙江']],
];
const CARRIER = /顺丰|中通|圆通|申通|韵达|极兔|邮政|EMS|京东|德邦|百世/i;

/** Full-width digits, letters and punctuation as their ASCII forms. */
function normalize(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[：]/g, ':')
    .replace(/[，、]/g, ',')
    .replace(/[；。]/g, ';');
}

const PRICE = String.raw`(?:¥|￥)?\s*(\d{1,4}(?:\.\d{1,2})?)\s*(?:元|块)`;
const PER_KG = String.raw`(?:/|每)?\s*(?:kg|公斤|千克|斤)?`;
const toFen = (s: string) => Math.round(Number(s) * 100);

/** The provinces a clause names, groups expanded, in order, once each. */
export function provincesIn(clause: string): Province[] {
  const found: [number, Province][] = [];
  let rest = clause;
  for (const [re, list] of GROUPS)
    rest = rest.replace(re, (m, at: number) => {
      list.forEach((p, i) => found.push([at + i / 10, p]));
      return ' '.repeat(m.length);
    });
  for (const p of PROVINCES) {
    let i = rest.indexOf(p);
    while (i >= 0) {
      found.push([i, p]);
      i = rest.indexOf(p, i + p.length);
    }
  }
  return [...new Set(found.sort((a, b) => a[0] - b[0]).map(([, p]) => p))];
}

/** 首重 and 续重 of a clause: 首重12元 / 续重3元/KG / 续重每公斤3元; a bare price is the first weight. */
function ratesOf(clause: string): Partial<FreightRate> {
  const out: Partial<FreightRate> = {};
  const first = new RegExp(String.raw`首重\s*(?:\d+(?:\.\d+)?\s*(?:kg|公斤|千克))?\s*:?\s*${PRICE}`, 'i').exec(clause);
  const extra =
    new RegExp(String.raw`续重\s*(?:每\s*(?:kg|公斤|千克))?\s*:?\s*${PRICE}${PER_KG}`, 'i').exec(clause) ??
    new RegExp(String.raw`每(?:增加)?\s*(?:1\s*)?(?:kg|公斤|千克)\s*(?:加收|加)?\s*${PRICE}`, 'i').exec(clause);
  if (first) out.firstFen = toFen(first[1]!);
  if (extra) out.extraFen = toFen(extra[1]!);
  if (out.firstFen === undefined) {
    // 15元:云南、海南 / 云南、海南15元: the clause's one price outside its 续重.
    const cut = extra ? clause.slice(0, extra.index) + clause.slice(extra.index + extra[0].length) : clause;
    const bare = new RegExp(PRICE).exec(cut);
    if (bare) out.firstFen = toFen(bare[1]!);
  }
  return out;
}

export interface ParsedFreight {
  table: FreightTable;
  /** Clauses the parser could not read as a price (shown for the shop to check). */
  unread: string[];
}

/**
 * A freight table from the text of a 买家须知 (full-width or not), or undefined when it states no
 * price at all. The default is the clause saying 默认 (or the first with a price and no province).
 * @example parseFreightText('默认首重10元、续重3元/KG；首重12元：山东、福建') // default ¥10 + ¥3/kg, 山东 福建 ¥12
 */
export function parseFreightText(text: string): ParsedFreight | undefined {
  const clauses = normalize(text.slice(0, 5000))
    .split(/[;\n]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  let def: FreightRate | undefined;
  const regions: FreightRegion[] = [];
  const unread: string[] = [];
  for (const clause of clauses) {
    const rates = ratesOf(clause);
    const provinces = provincesIn(clause);
    if (rates.firstFen === undefined || rates.firstFen > FREIGHT_LIMITS.maxFen) {
      if (/\d/.test(clause) || provinces.length) unread.push(clause.slice(0, 100));
      continue;
    }
    const rate: FreightRate = {
      firstFen: rates.firstFen,
      ...(rates.extraFen !== undefined ? { extraFen: rates.extraFen } : {}),
    };
    if (!provinces.length) {
      if (!def || /默认|其他|其余|全国/.test(clause)) def = rate;
      continue;
    }
    const carrier = CARRIER.exec(clause)?.[0];
    if (regions.length < FREIGHT_LIMITS.regions) regions.push({ provinces, ...rate, ...(carrier ? { carrier } : {}) });
  }
  if (!def && !regions.length) return undefined;
  // Without a stated default nothing is claimed for the provinces the text did not name.
  return { table: { ...(def ? { default: def } : {}), regions }, unread };
}

// ---- using it --------------------------------------------------------------------------------------

export interface FreightRateFor extends FreightRate {
  province: Province;
  /** Whether the province is listed, or the default applies. */
  listed: boolean;
  carrier?: string;
}

/**
 * The rate for a return from `province`: the table of the return's carrier when the shop has one
 * (its name within the carrier's), else the shop's default table (no carrier), else its first. A
 * table without a default answers only for the provinces it lists.
 */
export function freightFor(
  tables: readonly FreightTable[] | undefined,
  province: Province,
  carrier?: string,
): FreightRateFor | undefined {
  if (!tables?.length) return undefined;
  const table =
    (carrier ? tables.find((t) => t.carrier && carrier.includes(t.carrier)) : undefined) ??
    tables.find((t) => !t.carrier) ??
    tables[0]!;
  // A region for one carrier applies to a return by that carrier, or when the carrier is not known.
  const region = table.regions.find(
    (r) => r.provinces.includes(province) && (!r.carrier || !carrier || carrier.includes(r.carrier)),
  );
  const rate = region ?? table.default;
  if (!rate) return undefined;
  const tableCarrier = region?.carrier ?? table.carrier;
  // A region that states only its first weight keeps the table's 续重 (首重12元：山东… under 续重3元/KG).
  const extraFen = rate.extraFen ?? table.default?.extraFen;
  return {
    province,
    listed: !!region,
    firstFen: rate.firstFen,
    ...(extraFen !== undefined ? { extraFen } : {}),
    ...(tableCarrier ? { carrier: tableCarrier } : {}),
  };
}

export interface FreightCheck {
  rate: FreightRateFor;
  claimedFen: number;
  /** How much the claim is above the table's first weight, fen (0: within it). */
  overFen: number;
}

/**
 * A 退货邮费 claim against the shop's table, for the province the return was sent from. Undefined
 * (nothing is claimed) without a table, a province on the page, or a claimed amount.
 */
export function freightCheck(
  c: Pick<CaseSnapshot, 'kind' | 'postageFen' | 'returnLogistics'>,
  tables: readonly FreightTable[] | undefined,
): FreightCheck | undefined {
  const province = c.returnLogistics?.fromProvince;
  if (c.kind !== 'postage' || c.postageFen === undefined || !province) return undefined;
  const rate = freightFor(tables, province, c.returnLogistics?.carrier);
  if (!rate) return undefined;
  return { rate, claimedFen: c.postageFen, overFen: Math.max(0, c.postageFen - rate.firstFen) };
}
