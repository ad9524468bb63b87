// @vitest-environment happy-dom
/**
 * The sidebar's guidance for a case under the shop's promises: the 退货承诺 window that covers a
 * return past the 7 days, the 指定快递 check with what the page cannot show, and the "why": each
 * rule applied with the conditions that held.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseView } from '../../../entrypoints/sidebar/CaseView';
import type { SidebarActions } from '../../../entrypoints/sidebar/actions';
import { assess, type ShopPolicy } from '../../../lib/engine';
import { iso, NOW, snap } from '../engine/helpers';
import { on } from '../engine/seed-cases';

const policy: ShopPolicy = {
  commitments: [on({ type: 'return-promise', days: 15, postagePaidBy: 'seller' }), on({ type: 'designated-carrier' })],
};
const actions = { staff: async () => {}, insert: () => {} } as unknown as SidebarActions;

afterEach(() => render(null, document.body));

describe('the sidebar says which promise covers the case, and why', () => {
  it('past the 7 days but inside the 退货承诺: the promise’s window, both legs by the seller, the rules and their conditions', () => {
    const c = snap({ flags: { freeShipping: false }, signedAt: iso(2026, 11, 5, 12), appliedAt: iso(2026, 11, 14) });
    render(
      <CaseView
        c={c}
        a={assess(c, policy, NOW)}
        now={NOW}
        policy={policy}
        templates={[]}
        ledger={undefined}
        actions={actions}
      />,
      document.body,
    );
    const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
    expect(text('steps')).toMatch(/七天无理由期已过，但在店铺退货承诺期内/);
    expect(text('steps')).not.toMatch(/确认在七天无理由期内/);
    expect(text('return-promise')).toMatch(/店铺退货承诺 15 天.*仍在退货承诺期内/);
    expect(text('money')).toMatch(/发货运费：商家 · 退货运费：商家/);
    expect(text('promises')).toMatch(/指定快递.*页面未显示：实际发货的快递公司/);
    const why = document.querySelector('[data-testid="rules-why"] [data-rule="postage.return-promise"]')?.textContent;
    expect(why).toMatch(/店铺退货承诺：按承诺的承担方 条件：.*已承诺退货承诺；退货承诺期：期内/);
  });
});
