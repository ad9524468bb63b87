/** The steps module's table: each state's playbook, the branches inside 待商家处理, and the evidence per reason. */
import { describe, expect, it } from 'vitest';
import { assess, EMPTY_POLICY, type ShopPolicy } from '../../../lib/engine';
import type { CaseSnapshot } from '../../../lib/shared/types';
import { NOW, snap } from './helpers';
import { on } from './seed-cases';

const exchange = { kind: 'exchange' as const, refundType: '换货' as const, reason: '尺码不合适' };

describe('next steps by state', () => {
  it.each<[string, Partial<CaseSnapshot>, ShopPolicy, string[]]>([
    ['finished', { status: 'SUCCESS' }, EMPTY_POLICY, ['本单已结束，无需操作；如买家仍有疑问，礼貌回复并记录']],
    [
      '邮费单',
      { kind: 'postage', refundType: '邮费', status: 'POSTAGE_WAIT_SELLER', reason: '退货运费' },
      EMPTY_POLICY,
      [
        '核对退货物流是否已签收、邮费金额是否合理',
        '按运费责任决定：商家责任则同意打款；否则拒绝并写明原因',
        '拒绝前先与买家沟通，避免升级为平台介入',
      ],
    ],
    [
      '换货待收货',
      { ...exchange, status: 'EXCHANGE_WAIT_SELLER_RECEIVE' },
      EMPTY_POLICY,
      ['跟踪买家寄回的包裹', '签收后尽快验货', '验货无误即发出换货商品并填写单号'],
    ],
    [
      '换货待发出',
      { ...exchange, status: 'EXCHANGE_WAIT_SELLER_SEND' },
      EMPTY_POLICY,
      ['尽快发出换货商品并填写物流单号', '告知买家新单号'],
    ],
    [
      '换货待买家',
      { ...exchange, status: 'EXCHANGE_WAIT_BUYER_RETURN' },
      EMPTY_POLICY,
      ['等待买家操作；必要时提醒买家在期限内处理'],
    ],
    [
      '待买家退货',
      { status: 'WAIT_BUYER_RETURN_GOODS' },
      EMPTY_POLICY,
      ['提醒买家在期限内寄回并填写退货单号', '买家超时未寄回，退款会自动关闭'],
    ],
    [
      '商家已拒绝',
      { status: 'SELLER_REFUSE_BUYER' },
      EMPTY_POLICY,
      ['主动联系买家说明拒绝原因，争取协商一致', '准备凭证，以防买家申请平台介入', '买家修改申请后重新判断'],
    ],
    [
      '待商家收货（淘宝，质量问题）',
      { status: 'WAIT_SELLER_CONFIRM_GOODS', reason: '质量问题' },
      EMPTY_POLICY,
      ['跟踪退货物流，签收后尽快验货', '商品完好：确认收货并退款'],
    ],
    [
      '待商家收货（天猫，无理由）',
      { status: 'WAIT_SELLER_CONFIRM_GOODS', platform: 'tmall' },
      EMPTY_POLICY,
      [
        '跟踪退货物流，签收后尽快验货',
        '商品完好：确认收货并退款',
        '吊牌已拆、已洗涤或影响二次销售：可拒绝七天无理由，先拍照留证并说明原因',
        '天猫：退件签收或拒收后，处理时间最多剩 48 小时',
      ],
    ],
    [
      '原因不明',
      { reason: '其他' },
      EMPTY_POLICY,
      [
        '问清售后类别：是不合适/不喜欢，还是质量问题',
        '按类别告知退货要求或处理方案',
        '在期限内同意或拒绝，避免系统自动处理',
      ],
    ],
    [
      '已收货仅退款（原因不明）',
      { refundType: '仅退款', reason: '其他' },
      EMPTY_POLICY,
      ['请买家说明原因并提供照片', '商家责任：同意退款或部分退款；否则与买家协商退货退款'],
    ],
    [
      '未发货仅退款，延迟发货',
      { refundType: '仅退款', shipped: false, goodsStatus: 'BUYER_NOT_RECEIVED', reason: '未按约定时间发货' },
      EMPTY_POLICY,
      ['确认仓库确实未发货；如已打单，先取消运单、拦截出库', '同意退款', '核对是否超过发货承诺时间，需要时主动赔付'],
    ],
    [
      '假货',
      { reason: '假冒品牌' },
      EMPTY_POLICY,
      [
        '请买家提供照片或视频，先确认问题',
        '同意退货退款（运费由我方承担），或与买家协商补偿',
        '准备进货凭证、品牌授权等资质，以防平台介入',
      ],
    ],
    [
      '破损，有破损补寄',
      { reason: '商品破损' },
      { commitments: [on({ type: 'damage-reship', reshipPaidBy: 'seller' })] },
      [
        '请买家提供照片或视频，先确认问题',
        '按破损补寄承诺：可补寄一次；补寄后仍破损则退货退款',
        '同意退货退款（运费由我方承担），或与买家协商补偿',
      ],
    ],
    ['状态未读到', { status: 'UNKNOWN' }, EMPTY_POLICY, []],
  ])('%s', (_what, patch, policy, steps) => {
    expect(assess(snap(patch), policy, NOW).steps).toEqual(steps);
  });
});

describe('evidence by reason, when a dispute looms or the goods come back', () => {
  const looming = { flags: { evidenceAsked: true } };
  it.each<[string, Partial<CaseSnapshot>, RegExp | null]>([
    ['假货', { ...looming, reason: '假货' }, /品牌授权书/],
    ['质量问题', { ...looming, reason: '质量问题' }, /质检报告/],
    ['描述不符', { ...looming, reason: '描述不符' }, /详情页描述对比/],
    ['少件', { ...looming, reason: '少件' }, /出库称重/],
    ['破损', { ...looming, reason: '破损' }, /外包装照片/],
    ['无理由', looming, /退回商品的照片/],
    ['拒绝后', { status: 'SELLER_REFUSE_BUYER', reason: '其他' }, /聊天记录/],
    ['待商家收货', { status: 'WAIT_SELLER_CONFIRM_GOODS', reason: '质量问题' }, /退回商品的照片/],
    ['nothing looming', { reason: '假货' }, null],
  ])('%s', (_what, patch, re) => {
    const evidence = assess(snap(patch), EMPTY_POLICY, NOW).evidence.join('\n');
    if (re) expect(evidence).toMatch(re);
    else expect(evidence).toBe('');
  });
});
