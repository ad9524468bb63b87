import { describe, expect, it } from 'vitest';
import { assess, EMPTY_POLICY } from '../../../lib/engine';
import { iso, NOW, snap } from './helpers';

describe('next steps and evidence, from the playbooks', () => {
  it.each([
    [
      'not shipped: cancel the waybill, then agree',
      {
        refundType: '仅退款' as const,
        shipped: false,
        goodsStatus: 'BUYER_NOT_RECEIVED' as const,
        reason: '拍错/多拍/不想要',
      },
      /取消运单/,
    ],
    [
      'shipped, not received: intercept or ask the buyer to refuse',
      {
        refundType: '仅退款' as const,
        shipped: true,
        goodsStatus: 'BUYER_NOT_RECEIVED' as const,
        reason: '快递一直未送到',
      },
      /拦截/,
    ],
    [
      'lost parcel: refund or reship first, then claim from the carrier',
      { refundType: '仅退款' as const, shipped: true, goodsStatus: 'BUYER_NOT_RECEIVED' as const, reason: '快递丢件' },
      /索赔/,
    ],
    [
      'missing items: check the packed weight',
      { refundType: '仅退款' as const, goodsStatus: 'BUYER_RECEIVED' as const, reason: '少件/漏发' },
      /称重/,
    ],
    ['no-reason return: state the return conditions', { signedAt: iso(2026, 11, 18) }, /吊牌/],
    [
      'returned with tags removed: may refuse, photograph first',
      { status: 'WAIT_SELLER_CONFIRM_GOODS' as const },
      /吊牌已拆/,
    ],
    [
      'exchange: check the size is in stock, exchange once',
      {
        kind: 'exchange' as const,
        refundType: '换货' as const,
        status: 'EXCHANGE_WAIT_SELLER_AGREE' as const,
        reason: '尺码不合适',
      },
      /一次/,
    ],
  ])('%s', (_what, patch, step) => {
    const a = assess(snap(patch), EMPTY_POLICY, NOW);
    expect(a.steps.join('\n')).toMatch(step);
  });

  it('lists evidence when a dispute looms, and none when it does not', () => {
    const dispute = assess(snap({ reason: '假冒品牌', flags: { platformIntervened: true } }), EMPTY_POLICY, NOW);
    expect(dispute.evidence.join('\n')).toMatch(/品牌授权/);
    expect(dispute.evidence.join('\n')).toMatch(/聊天记录/);
    expect(dispute.flags.map((f) => f.id)).toEqual(expect.arrayContaining(['platform-intervened', 'dispute-risk']));
    expect(assess(snap(), EMPTY_POLICY, NOW).evidence).toEqual([]);
  });

  it('flags an auto-action within 24 h', () => {
    const a = assess(snap({ pageDeadline: { at: iso(2026, 11, 23, 10), text: 'x' } }), EMPTY_POLICY, NOW);
    expect(a.flags.map((f) => f.id)).toContain('due-within-24h');
  });
});
