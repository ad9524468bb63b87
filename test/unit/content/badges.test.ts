// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createRowBadges, placeBadges, prepareBadges, type Fits } from '../../../entrypoints/seller.content/badges';
import type { BadgeMark } from '../../../lib/engine/mark';

const NOW = Date.UTC(2026, 10, 22, 7, 0, 0);

function listWithOneRow() {
  document.body.innerHTML =
    '<div class="row"><div class="top"><span class="id">退款编号：<span>287140000008050</span></span><span>订单编号：3491483612000010007</span></div></div>';
  const root = document.querySelector('.row')!;
  const anchor = document.querySelector('.id')!;
  return new Map([['287140000008050', { root, anchor }]]);
}

const badgesOnPage = () => [...document.querySelectorAll('aftersales-radar-badge')];

describe('row badges', () => {
  it('puts one badge after the id, and leaves it in place while only its countdown moves', () => {
    const rows = listWithOneRow();
    const marks = new Map<string, BadgeMark>([
      ['287140000008050', { dueAt: NOW + 3 * 3600_000, estimated: false, why: '平台页面倒计时' }],
    ]);
    placeBadges(prepareBadges(rows, marks, NOW));
    const [badge] = badgesOnPage();
    expect(badge?.previousElementSibling?.className).toBe('id');
    expect(badge?.shadowRoot?.textContent).toContain('3时00分');
    expect(prepareBadges(rows, marks, NOW + 60_000)).toEqual([]);
    expect(badgesOnPage()).toEqual([badge]);
    expect(badge?.shadowRoot?.textContent).toContain('2时59分');
  });

  it('makes a badge anew, to be fitted to its line again, when a mark comes that widens it', () => {
    const rows = listWithOneRow();
    const mark: BadgeMark = { dueAt: NOW + 3 * 3600_000, estimated: false, why: '平台页面倒计时' };
    placeBadges(prepareBadges(rows, new Map([['287140000008050', mark]]), NOW));
    const [before] = badgesOnPage();
    const owed = new Map([['287140000008050', { ...mark, owed: { fen: 23600, why: '假一赔三' } }]]);
    const pending = prepareBadges(rows, owed, NOW);
    expect(pending).toHaveLength(1);
    placeBadges(pending);
    const after = badgesOnPage() as HTMLElement[];
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
    expect(after[0]?.shadowRoot?.textContent).toContain('赔¥236.00');
    expect(after[0]?.title).toContain('赔¥236.00');
  });
});

describe('a badge on a case whose state was not read', () => {
  const unread: BadgeMark = {
    dueAt: NOW + 50 * 60_000,
    estimated: false,
    why: '平台页面倒计时（还剩50分）',
    stateUnread: true,
  };
  const chipOf = (b: Element | undefined) => b?.shadowRoot?.firstElementChild as HTMLElement;

  it('shows the page’s countdown in a neutral colour with a ？, and says in its tooltip that the state was not read', () => {
    placeBadges(prepareBadges(listWithOneRow(), new Map([['287140000008050', unread]]), NOW));
    const [badge] = badgesOnPage() as HTMLElement[];
    expect(chipOf(badge).textContent).toBe('？50分00秒');
    // The tier stays (the hour left is real), marked as unread so it is not drawn in the "act now" orange.
    expect(chipOf(badge).className).toBe('chip lt6h unread');
    expect(badge!.title).toBe('售后雷达：50分00秒 · 状态未读到：请打开详情页确认 · 平台页面倒计时（还剩50分）');
    expect(badge!.title).not.toMatch(/自动(同意|退款|关闭)/);
  });

  it('names the action only when the page’s words announced it', () => {
    placeBadges(
      prepareBadges(
        listWithOneRow(),
        new Map([['287140000008050', { ...unread, pageAction: 'auto-agree' as const }]]),
        NOW,
      ),
    );
    expect((badgesOnPage()[0] as HTMLElement).title).toContain(
      '到期自动同意（页面所示） · 状态未读到：请打开详情页确认',
    );
  });

  it('turns back to the tier’s colour once the state is read', () => {
    const rows = listWithOneRow();
    placeBadges(prepareBadges(rows, new Map([['287140000008050', unread]]), NOW));
    const { stateUnread: _, ...read } = unread;
    placeBadges(prepareBadges(rows, new Map([['287140000008050', read]]), NOW));
    const [badge] = badgesOnPage() as HTMLElement[];
    expect(chipOf(badge).className).toBe('chip lt6h');
    expect(badge!.title).not.toContain('状态未读到');
  });
});

describe('fitting a badge to the room on its line', () => {
  const mark: BadgeMark = {
    dueAt: NOW + 3 * 3600_000,
    estimated: false,
    why: '平台页面倒计时',
    payer: 'seller',
    owed: { fen: 590, why: '延迟发货赔付' },
  };
  /**
   * Place one badge with `room` px left after the id on its line (happy-dom has no layout: the
   * geometry is given). `wrapped`: what follows the id also fills a second line, wider than the first.
   */
  function placeWithRoom(room: number, wrapped = false, flexGap = 0) {
    const rows = listWithOneRow();
    const { anchor } = rows.get('287140000008050')!;
    const line = anchor.parentElement!;
    // A flex line whose items keep a gap: a badge placed after the id becomes one of its items.
    if (flexGap) line.setAttribute('style', `display: flex; column-gap: ${flexGap}px`);
    const rect = (left: number, right: number, top = 0) =>
      ({ left, right, top, bottom: top + 20, width: right - left, height: 20, x: left, y: top }) as DOMRect;
    anchor.getClientRects = () => [rect(0, 200)] as unknown as DOMRectList;
    line.getBoundingClientRect = () => rect(0, 400 + room);
    // The rest of the line (订单编号 …) ends at 400.
    const pieces = [rect(210, 400), ...(wrapped ? [rect(0, 400 + room, 20)] : [])];
    const box = pieces.reduce((u, r) =>
      rect(Math.min(u.left, r.left), Math.max(u.right, r.right), Math.min(u.top, r.top)),
    );
    const around = { ...box, bottom: Math.max(...pieces.map((r) => r.bottom)) } as DOMRect;
    const original = [Range.prototype.getClientRects, Range.prototype.getBoundingClientRect] as const;
    Range.prototype.getClientRects = () => pieces as unknown as DOMRectList;
    Range.prototype.getBoundingClientRect = () => around;
    try {
      placeBadges(prepareBadges(rows, new Map([['287140000008050', mark]]), NOW));
    } finally {
      [Range.prototype.getClientRects, Range.prototype.getBoundingClientRect] = original;
    }
    const badge = badgesOnPage()[0] as HTMLElement;
    return { fit: badge.getAttribute('data-fit'), title: badge.title, marginLeft: badge.style.marginLeft };
  }

  it.each([
    [400, null],
    [150, 'owed'],
    [90, 'chip'],
    [20, 'dot'],
    [14, 'dot'],
    [13, 'over'],
    [0, 'over'],
  ])(
    'with %i px left it shows %s (null: all of it; over: a dot taking no room), and its tooltip says everything',
    (room, fit) => {
      const placed = placeWithRoom(room);
      expect(placed.fit).toBe(fit);
      expect(placed.title).toContain('3时00分');
      expect(placed.title).toContain('退邮:商家');
      expect(placed.title).toContain('赔¥5.90');
    },
  );

  it('on a flex line with no room even for the dot and its gap, the dot takes the gap back: the line does not grow', () => {
    // 30 px left, but the badge as a flex item would add the line's 16 px gap besides its own 14.
    expect(placeWithRoom(29, false, 16)).toEqual(expect.objectContaining({ fit: 'over', marginLeft: '-16px' }));
    expect(placeWithRoom(30, false, 16)).toEqual(expect.objectContaining({ fit: 'dot', marginLeft: '' }));
    // Not on a flex line: no gap to take back.
    expect(placeWithRoom(0)).toEqual(expect.objectContaining({ fit: 'over', marginLeft: '' }));
  });

  it('a row the page redraws as it was is fitted as before, without laying the page out to measure it again', () => {
    const fits: Fits = new Map();
    const rows = listWithOneRow();
    const { anchor } = rows.get('287140000008050')!;
    const rect = (right: number) => ({ left: 0, right, top: 0, bottom: 20, width: right, height: 20 }) as DOMRect;
    anchor.getClientRects = () => [rect(200)] as unknown as DOMRectList;
    anchor.parentElement!.getBoundingClientRect = () => rect(290); // 90 px left: the chip alone
    placeBadges(prepareBadges(rows, new Map([['287140000008050', mark]]), NOW), fits);
    expect(badgesOnPage()[0]?.getAttribute('data-fit')).toBe('chip');
    // The page draws the row anew: new elements, the same text. Measuring now would find room for all.
    const redrawn = listWithOneRow();
    const again = redrawn.get('287140000008050')!.anchor;
    let measured = 0;
    again.getClientRects = () => (measured++, [rect(200)] as unknown as DOMRectList);
    again.parentElement!.getBoundingClientRect = () => rect(900);
    placeBadges(prepareBadges(redrawn, new Map([['287140000008050', mark]]), NOW), fits);
    expect(measured).toBe(0);
    expect(badgesOnPage().map((b) => b.getAttribute('data-fit'))).toEqual(['chip']);
    // A row whose id line says something else is measured again.
    const changed = listWithOneRow();
    const other = changed.get('287140000008050')!.anchor;
    other.append('（已催）');
    other.getClientRects = () => (measured++, [rect(200)] as unknown as DOMRectList);
    other.parentElement!.getBoundingClientRect = () => rect(900);
    placeBadges(prepareBadges(changed, new Map([['287140000008050', mark]]), NOW), fits);
    expect(measured).toBeGreaterThan(0);
    expect(badgesOnPage().map((b) => b.getAttribute('data-fit'))).toEqual([null]);
  });

  it.each([
    [400, null],
    [90, 'chip'],
  ])(
    'on a line that wrapped, with %i px left after its first line, it shows %s: the second line takes no room',
    (room, fit) => {
      expect(placeWithRoom(room, true).fit).toBe(fit);
    },
  );
});

describe('row badges near the screen', () => {
  /** A stand-in for the browser's IntersectionObserver: the test says which rows scroll near the screen. */
  class FakeObserver {
    static last: FakeObserver;
    watched = new Set<Element>();
    constructor(public callback: (entries: { target: Element; isIntersecting: boolean }[]) => void) {
      FakeObserver.last = this;
    }
    observe(el: Element) {
      this.watched.add(el);
    }
    unobserve(el: Element) {
      this.watched.delete(el);
    }
    disconnect() {
      this.watched.clear();
    }
    scroll(near: Element[], away: Element[] = []) {
      this.callback([
        ...near.map((target) => ({ target, isIntersecting: true })),
        ...away.map((target) => ({ target, isIntersecting: false })),
      ]);
    }
  }

  function list(ids: string[]) {
    document.body.innerHTML = '';
    const rows = new Map<string, { root: Element; anchor: Element }>();
    for (const id of ids) {
      const root = document.createElement('div');
      const anchor = document.createElement('span');
      anchor.textContent = id;
      root.append(anchor);
      document.body.append(root);
      rows.set(id, { root, anchor });
    }
    return rows;
  }
  const mark = (hours: number): BadgeMark => ({
    dueAt: NOW + hours * 3600_000,
    estimated: false,
    why: '平台页面倒计时',
  });
  const badged = () => badgesOnPage().map((b) => b.getAttribute('data-dispute-id'));

  it('badges only the judged rows near the screen, others as they scroll in, and stops watching rows the page dropped', () => {
    const original = globalThis.IntersectionObserver;
    globalThis.IntersectionObserver = FakeObserver as never;
    try {
      const badges = createRowBadges(document);
      const rows = list(['101', '102', '103']);
      const root = (id: string) => rows.get(id)!.root;
      badges.show(rows, NOW);
      expect(FakeObserver.last.watched.size).toBe(3);
      FakeObserver.last.scroll([root('101'), root('102')]);
      expect(badged()).toEqual([]); // nothing judged yet
      badges.judge({ '101': mark(3), '103': mark(30) });
      badges.refresh(NOW);
      expect(badged()).toEqual(['101']);
      FakeObserver.last.scroll([root('103')], [root('101')]);
      expect(badged().sort()).toEqual(['101', '103']);
      // The page redraws its rows: the new rows of cases near the screen are badged at once, in the
      // redraw's own frame, before the observer says anything of them.
      // (101 had scrolled away: its badge went with its old row, and comes back as it scrolls in.)
      const redrawn = list(['101', '102', '103']);
      badges.show(redrawn, NOW);
      expect(badged()).toEqual(['103']);
      expect(redrawn.get('103')!.root.contains(badgesOnPage()[0]!)).toBe(true);
      FakeObserver.last.scroll([redrawn.get('101')!.root]);
      expect(badged().sort()).toEqual(['101', '103']);
      // The next reading lists only 103: the others are no longer watched.
      badges.show(new Map([['103', redrawn.get('103')!]]), NOW);
      expect([...FakeObserver.last.watched]).toEqual([redrawn.get('103')!.root]);
      badges.stop();
      expect(badged()).toEqual([]);
    } finally {
      globalThis.IntersectionObserver = original;
    }
  });
});
