/** The rules' condition language: what holds, and the condition in words as the options page shows it. */
import { describe, expect, it } from 'vitest';
import { resolveRules, type RuleId } from '../../../lib/engine/rules';
import { describeWhen } from '../../../lib/engine/when';

const rules = resolveRules();

describe('a rule’s condition in words', () => {
  it.each<[RuleId, string]>([
    [
      'postage.return-promise',
      '售后类型：退款；退款类型：退货退款；原因类别：七天无理由/未知；已承诺退货承诺；退货承诺期：期内',
    ],
    ['deadline.tmall-signed-return', '售后状态：待商家收货；平台：天猫；退件已签收/拒收：是'],
    [
      'seven-day.window',
      '售后类型：退款/换货；原因类别：七天无理由/未知；并非（货物状态：买家未收到货）；并非（退款类型：仅退款；发货：否）',
    ],
    ['postage.no-reason-shipping-unknown', '原因类别：七天无理由；包邮：未知'],
  ])('%s', (id, words) => expect(describeWhen(rules.get(id)!.when)).toBe(words));

  it('a condition on nothing reads 任何情况', () => expect(describeWhen({})).toBe('任何情况'));
});
