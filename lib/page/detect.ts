/**
 * Which after-sales page is this? Pure over a URL first; the page's visible content decides where
 * the URL is unknown (换货管理 / 退货邮费 have no known URL) or ambiguous.
 */
import type { PageEra, PageKind, Platform } from '../shared/types';
import { isSellerHost } from './hosts';
import { TMALL_MARKS } from './vocabulary';

export interface PageIdentity {
  kind: PageKind;
  era: PageEra;
  platform: Platform;
}

/** Example URLs per kind; the detection test turns them into a positive/negative matrix. */
export const URL_EXAMPLES: Record<Exclude<PageKind, 'unknown'>, string[]> = {
  workbench: [
    'https://myseller.taobao.com/home.htm/trade-platform/refund-workbench',
    'https://qn.taobao.com/home.htm/trade-platform/refund-workbench?from=nav',
  ],
  'refund-list': [
    'https://myseller.taobao.com/home.htm/trade-platform/refund-list',
    'https://qn.taobao.com/home.htm/trade-platform/refund-list?status=WAIT_SELLER_AGREE',
    'https://myseller.taobao.com/home.htm/trade-platform/tp/refund-list',
    'https://refund2.taobao.com/dispute/sellerDisputeList.htm?type=1&showFrame=false',
    'https://refund2.tmall.com/dispute/sellerDisputeList.htm?type=1',
  ],
  'refund-detail': [
    'https://qn.taobao.com/home.htm/trade-platform/refund-list/detail?disputeId=287140000055433&type=1',
    'https://myseller.taobao.com/home.htm/trade-platform/refund-list/detail?disputeId=1&type=1',
    'https://refund2.tmall.com/dispute/detail.htm?bizOrderId=4743360345000400280&disputeType=1',
    'https://refund2.taobao.com/dispute/detail.htm?bizOrderId=3&disputeId=2871&disputeType=1',
  ],
  'exchange-list': ['https://myseller.taobao.com/home.htm/trade-platform/exchange-list'],
  'exchange-detail': ['https://myseller.taobao.com/home.htm/trade-platform/exchange-list/detail?disputeId=2871&type=1'],
  'postage-list': ['https://qn.taobao.com/home.htm/trade-platform/postage-list'],
};

/** Seller-backend URLs that are not after-sales pages. */
export const NOT_AFTERSALES_URLS = [
  'https://myseller.taobao.com/home.htm/QnworkbenchHome/',
  'https://qn.taobao.com/home.htm/trade-platform/tp/sold',
  'https://qn.taobao.com/home.htm/trade-platform/tp/detail?bizOrderId=1',
  'https://myseller.taobao.com/home.htm/trade-platform/refund-list/export-list',
  'https://refund2.taobao.com/dispute/buyerDisputeList.htm',
  'https://refund2.taobao.com/dispute/apply.htm?bizOrderId=1&type=1',
  'https://www.taobao.com/',
  'https://evil.example/home.htm/trade-platform/refund-list',
  'https://myseller.taobao.com.evil.example/home.htm/trade-platform/refund-list',
];

function platformFromHost(host: string): Platform | undefined {
  if (host === 'refund2.tmall.com') return 'tmall';
  if (host === 'refund2.taobao.com') return 'taobao';
  return undefined;
}

/** Page kind from the URL alone (pure). `unknown` for URLs we cannot place. */
export function detectFromUrl(href: string): PageIdentity {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { kind: 'unknown', era: 'qianniu', platform: 'taobao' };
  }
  const host = url.hostname;
  const platform = platformFromHost(host) ?? 'taobao';
  if (!isSellerHost(host)) return { kind: 'unknown', era: 'qianniu', platform };
  const path = url.pathname.replace(/\/+$/, '');
  if (host.startsWith('refund2.')) {
    if (path === '/dispute/sellerDisputeList.htm') return { kind: 'refund-list', era: 'refund2', platform };
    if (path === '/dispute/detail.htm') return { kind: 'refund-detail', era: 'refund2', platform };
    return { kind: 'unknown', era: 'refund2', platform };
  }
  const kind: PageKind = path.endsWith('/trade-platform/refund-list/detail')
    ? 'refund-detail'
    : path.endsWith('/trade-platform/exchange-list/detail')
      ? 'exchange-detail'
      : /\/trade-platform\/(?:tp\/)?refund-list$/.test(path)
        ? 'refund-list'
        : path.endsWith('/trade-platform/exchange-list')
          ? 'exchange-list'
          : path.endsWith('/trade-platform/postage-list')
            ? 'postage-list'
            : path.endsWith('/trade-platform/refund-workbench')
              ? 'workbench'
              : 'unknown';
  return { kind, era: 'qianniu', platform };
}

/** What the content shows, gathered by the reader: header labels, id labels, stat labels, text sample. */
export interface ContentCues {
  headerLabels: string[];
  idLabels: string[];
  statLabels: number;
  hasCountdownOrStatus: boolean;
  bannerText: string;
}

/** Page kind from the content, for URLs that do not say (or say wrong after a redesign). */
export function detectFromContent(cues: ContentCues): PageKind {
  const h = new Set(cues.headerLabels);
  if (h.size >= 2) {
    if (h.has('换货原因') || cues.idLabels.includes('换货单号')) return 'exchange-list';
    if (h.has('邮费金额') || cues.idLabels.includes('邮费单号')) return 'postage-list';
    if (h.has('退款金额') || h.has('退款状态') || h.has('售后状态')) return 'refund-list';
  }
  if (cues.idLabels.length === 1 && cues.hasCountdownOrStatus) {
    return cues.idLabels[0] === '换货单号' ? 'exchange-detail' : 'refund-detail';
  }
  if (cues.statLabels >= 3) return 'workbench';
  return 'unknown';
}

/** Taobao or Tmall: the old hosts say it; on 千牛 web the page's own banner does. */
export function detectPlatform(href: string, bannerText: string): Platform {
  let host = '';
  try {
    host = new URL(href).hostname;
  } catch {
    /* fall through to content */
  }
  return platformFromHost(host) ?? (TMALL_MARKS.test(bannerText) ? 'tmall' : 'taobao');
}
