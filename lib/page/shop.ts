/**
 * Which shop a page belongs to, from the page's own header: the shop's name in the title bar
 * (店铺：青禾小铺), the logged-in account as 千牛 shows it (`主账号:子账号`, whose main account is the
 * shop), or the shop's name beside the Tmall mark (天猫). Only the header is looked at: the pieces
 * before the first case field, table, row or list, and never buyer-written text (a buyer nick is
 * another "shop" in the old list's data, and a buyer may write anything).
 */
import type { PageShop } from '../shared/types';
import type { Token } from './tokens';

export type { PageShop };

/** The header is short: its pieces come before the first case, and there are few. */
const MAX_HEADER_TOKENS = 80;
const MAX_NAME = 60;
/** Where the case content begins: no header piece is inside one of these. */
const CONTENT = 'table, tbody, [role="row"], [role="grid"], [role="table"], [role="rowgroup"], dl, ul, ol, form';
/** A title bar's label for the shop's name, then the name. */
const TITLE = /^(?:当前店铺|店铺名称|店铺名|店铺)\s*:\s*(.*)$/;
/** A bare title label whose value is the next piece. */
const TITLE_ALONE = /^(?:当前店铺|店铺名称|店铺名|店铺)\s*:?$/;
/** The logged-in account, perhaps labelled: `青禾小铺:小王`, `账号:青禾小铺:小王`, `主账号:青禾小铺`. */
const ACCOUNT = /^(?:(?:当前|登录)?(?:账号|帐号|账户|用户)\s*:\s*)?([^\s:]{1,60}):([^\s:]{1,40})$/;
const MAIN_ACCOUNT = /^主(?:账号|帐号)\s*:\s*([^\s:]{1,60})$/;
/** Words that label an account or a shop, never one: `店铺:青禾小铺` is a title, not an account. */
const NOT_A_NAME =
  /^(?:当前店铺|店铺名称|店铺名|店铺|当前账号|登录账号|账号|帐号|账户|用户|主账号|子账号|旺旺|昵称|千牛|千牛卖家工作台|卖家中心|淘宝卖家中心|天猫商家中心|商家中心|工作台|首页|消息|退出|帮助|设置|售后管理|退款管理|售后工作台|换货管理|退货邮费|交易管理|天猫|淘宝|tmall|taobao)$/i;
const TMALL_MARK = /^(?:天猫|天猫店|tmall|TMALL|Tmall)$/;

/** A plausible shop name: some letters or Han, no colon, not a word of the header's own. */
function asName(raw: string | undefined): string | undefined {
  const t = raw?.trim();
  if (!t || t.length > MAX_NAME || t.includes(':') || t.includes('：')) return undefined;
  if (!/[\p{Script=Han}A-Za-z]/u.test(t) || NOT_A_NAME.test(t)) return undefined;
  return t;
}

/** The main account of `主账号:子账号`, when the piece is one. */
function mainAccount(text: string): string | undefined {
  const main = MAIN_ACCOUNT.exec(text);
  if (main) return asName(main[1]);
  const m = ACCOUNT.exec(text);
  if (!m || NOT_A_NAME.test(m[1]!) || !/[\p{Script=Han}A-Za-z]/u.test(m[2]!)) return undefined;
  return asName(m[1]);
}

/** How many leading pieces are the header: up to the first case field, buyer text or content container. */
export function headerLength(tokens: readonly Token[]): number {
  const n = Math.min(tokens.length, MAX_HEADER_TOKENS);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.free || t.label) return i;
    if (t.node.parentElement?.closest(CONTENT)) return i;
  }
  return n;
}

/** An element that is the Tmall mark by its description (an image's alt, a title, a label), or holds one. */
function isMark(el: Element): boolean {
  const said = el.getAttribute('alt') ?? el.getAttribute('aria-label') ?? el.getAttribute('title');
  if (said !== null && TMALL_MARK.test(said.trim())) return true;
  return !!el.querySelector('img[alt="天猫"], [aria-label="天猫"], [title="天猫"]');
}

/** Whether a header piece comes right after a Tmall mark drawn without text (an image, an icon). */
function afterMark(t: Token): boolean {
  // The piece's element, or its parent, follows the mark: `<img alt="天猫"><span>name</span>`.
  for (let e = t.node.parentElement, up = 0; e && up < 2; e = e.parentElement, up++) {
    const prev = e.previousElementSibling;
    if (prev && !prev.textContent?.trim() && isMark(prev)) return true;
  }
  return false;
}

/**
 * The page's shop, from its header, or undefined when the header names none. Families in order of
 * trust: the title bar's shop name, the name beside the Tmall mark, the logged-in account's main
 * account. A mark drawn as an image counts too (by its alt, title or label).
 * @example readShop(tokens) // { name: '青禾家居旗舰店', via: 'mark', tmall: true }
 */
export function readShop(tokens: readonly Token[]): PageShop | undefined {
  const end = headerLength(tokens);
  const head = tokens.slice(0, end);
  let title: string | undefined;
  let account: string | undefined;
  for (let i = 0; i < head.length && title === undefined; i++) {
    const text = head[i]!.text;
    const t = TITLE.exec(text);
    // `店铺:青禾小铺`, or the label alone with the name in the next piece.
    if (t) title = t[1] ? asName(t[1]) : asName(head[i + 1]?.text);
    else if (TITLE_ALONE.test(text)) title = asName(head[i + 1]?.text);
    account ??= mainAccount(text);
  }
  // The mark as text names the piece beside it; a mark drawn without text, the piece after it.
  const markText = head.findIndex((t) => TMALL_MARK.test(t.text));
  const afterImage = markText < 0 ? head.findIndex(afterMark) : -1;
  const marked =
    markText >= 0
      ? (asName(head[markText + 1]?.text) ?? asName(head[markText - 1]?.text))
      : afterImage >= 0
        ? asName(head[afterImage]!.text)
        : undefined;
  const tmall = markText >= 0 || afterImage >= 0 ? { tmall: true as const } : {};
  if (title) return { name: title, via: 'title', ...tmall };
  if (marked) return { name: marked, via: 'mark', ...tmall };
  if (account) return { name: account, via: 'account', ...tmall };
  return undefined;
}
