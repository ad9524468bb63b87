import { describe, expect, it } from 'vitest';
import {
  detectFromContent,
  detectFromUrl,
  detectPlatform,
  NOT_AFTERSALES_URLS,
  URL_EXAMPLES,
} from '../../../lib/page/detect';

const ALL = Object.entries(URL_EXAMPLES).flatMap(([kind, urls]) => urls.map((url) => [kind, url] as const));

describe('detectFromUrl', () => {
  it.each(ALL)('detects %s at %s', (kind, url) => expect(detectFromUrl(url).kind).toBe(kind));

  // Every listed URL matches its own kind and no other (the negative half of the matrix).
  it.each(ALL)('%s example %s matches no other kind', (kind, url) => {
    for (const other of Object.keys(URL_EXAMPLES)) if (other !== kind) expect(detectFromUrl(url).kind).not.toBe(other);
  });

  it.each(NOT_AFTERSALES_URLS)('does not place %s', (url) => expect(detectFromUrl(url).kind).toBe('unknown'));

  it('marks the old refund2 pages with their era and platform', () => {
    expect(detectFromUrl('https://refund2.tmall.com/dispute/sellerDisputeList.htm?type=1')).toEqual({
      kind: 'refund-list',
      era: 'refund2',
      platform: 'tmall',
    });
    expect(detectFromUrl('https://refund2.taobao.com/dispute/detail.htm?bizOrderId=1')).toEqual({
      kind: 'refund-detail',
      era: 'refund2',
      platform: 'taobao',
    });
  });

  it('survives a malformed URL', () => expect(detectFromUrl('not a url').kind).toBe('unknown'));
});

describe('detectFromContent', () => {
  const cues = { headerLabels: [], idLabels: [], statLabels: 0, hasCountdownOrStatus: false, bannerText: '' };
  it('recognises 换货管理 and 退货邮费 by their columns where the URL is unknown', () => {
    expect(detectFromContent({ ...cues, headerLabels: ['宝贝信息', '换货原因', '售后状态'] })).toBe('exchange-list');
    expect(detectFromContent({ ...cues, headerLabels: ['宝贝信息', '邮费金额', '状态'] })).toBe('postage-list');
    expect(detectFromContent({ ...cues, headerLabels: ['宝贝信息', '退款金额', '售后状态'] })).toBe('refund-list');
  });
  it('recognises a detail page by one id and a status', () => {
    expect(detectFromContent({ ...cues, idLabels: ['退款编号'], hasCountdownOrStatus: true })).toBe('refund-detail');
    expect(detectFromContent({ ...cues, idLabels: ['换货单号'], hasCountdownOrStatus: true })).toBe('exchange-detail');
  });
  it('recognises the workbench by its stat cards', () =>
    expect(detectFromContent({ ...cues, statLabels: 4 })).toBe('workbench'));
  it('says unknown otherwise', () =>
    expect(detectFromContent({ ...cues, headerLabels: ['宝贝信息'] })).toBe('unknown'));
});

describe('detectPlatform', () => {
  it('uses the old hosts, then the page banner', () => {
    expect(detectPlatform('https://refund2.tmall.com/x', '')).toBe('tmall');
    expect(detectPlatform('https://qn.taobao.com/x', '天猫商家中心 店铺：青禾家居旗舰店')).toBe('tmall');
    expect(detectPlatform('https://myseller.taobao.com/x', '淘宝卖家中心 店铺：青禾小铺')).toBe('taobao');
  });
});
