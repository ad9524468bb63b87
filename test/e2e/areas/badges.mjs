// End-to-end area: Row badges: one per row, opening its case, never covering the page or making a row taller, and the
// sale-day list of 620 rows.
import {
  assert,
  assertEqual,
  badgedRows,
  badges,
  ledger,
  M,
  pageIds,
  shot,
  sidebar,
  sidebarFrame,
  sidebarMatchesPage,
  waitFor,
} from '../harness.mjs';

/** @param {import('../harness.mjs').Session} session */
export default async function badgesArea({ run, context, extensionId, page, ext, shotsDir }) {
  await run.check('clicking a row badge opens that case in the sidebar', async () => {
    await page.goto(`${M}/refund-list`);
    await sidebarMatchesPage(page, 'refund list');
    const id = (await pageIds(page))[2];
    await page.locator(`aftersales-radar-badge[data-dispute-id="${id}"]`).click();
    await waitFor(async () => (await sidebar(page)).caseView === id, { message: 'the case view of the clicked row' });
    const sb = await sidebar(page);
    assert(sb.text.includes('下一步') && sb.text.includes('运费'), 'the case view shows guidance');
  });

  await run.check('the page keeps its own buttons usable beside the sidebar', async () => {
    const covered = await page.evaluate(() => {
      const out = [];
      for (const b of [...document.querySelectorAll('#ice-container button')].slice(0, 30)) {
        const r = b.getBoundingClientRect();
        // Buttons whose middle is on screen (the one the pointer would aim at).
        if (r.width === 0 || r.top + r.height / 2 < 0 || r.top + r.height / 2 > innerHeight) continue;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!b.contains(hit)) out.push(b.textContent.trim());
      }
      return out;
    });
    assertEqual(covered, [], 'page buttons covered by something else');
    await shot(page, shotsDir, 'refund-list-case-view');
  });

  // Last but one: its 120 synthetic cases would crowd the ledger the checks above reason about.
  await run.check(
    'a sale-day list of 620 rows: all in the ledger and the sidebar (most urgent 30 first, more on request), badges on the rows near the screen and on the others as they scroll in',
    async () => {
      await page.goto(`${M}/refund-list?demoRows=620&pageSize=620`);
      await waitFor(async () => (await pageIds(page)).length === 620 && (await badges(page)).length > 0, {
        message: '620 rows, the first badged',
        timeout: 30000,
      });
      const ids = await pageIds(page);
      // Only the rows on screen and a screen either side are badged at first: not all 620 at once.
      const first = await badges(page);
      assert(first.length >= 5 && first.length < 100, `badges near the screen only: ${first.length}`);
      assertEqual(first, ids.slice(0, first.length), 'the first rows, in order');
      // A badge never makes its row taller (every row below would move): where the whole badge does not
      // fit beside the id, it shows its chip alone or a dot, and its tooltip still says everything.
      const badged = await badgedRows(page);
      const cut = badged.filter((b) => b.fit !== null);
      const fit = {
        taller: badged.filter((b) => b.height > b.heightWithout + 0.5).map((b) => b.id),
        cut: cut.length,
        whole: badged.length - cut.length,
        titles: cut.map((b) => b.title),
      };
      assertEqual(fit.taller, [], 'rows made taller by their badge');
      // (Whether some fit whole depends on the rows' own width: Fusion's group header, beside the sidebar
      // and with the marks earlier areas' settings add, may leave room for none.)
      assert(
        fit.cut > 0 && cut.every((b) => ['owed', 'chip', 'dot', 'over'].includes(b.fit)),
        `badges cut down beside the sidebar, each to a known fit: ${JSON.stringify({ ...fit, fits: cut.map((b) => b.fit) })}`,
      );
      assert(
        fit.titles.every((t) => /^售后雷达：(\d+[天时分秒]|已超时|无倒计时)/.test(t)),
        `a cut-down badge's tooltip gives the countdown: ${fit.titles}`,
      );
      // Scrolling to the end badges the last rows, once each.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await waitFor(async () => (await badges(page)).includes(ids[619]), {
        message: 'the last row badged after scrolling to it',
      });
      const all = await badges(page);
      assertEqual(all.length, new Set(all).size, 'one badge per row');
      assert(all.length < 200, `rows far from where staff looked stay unbadged: ${all.length}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      // More than one message's worth of cases: every part reaches the ledger.
      await waitFor(
        () =>
          ledger(
            ext,
            async (all, want) => {
              const have = new Set((await all('cases')).map((c) => c.disputeId));
              return want.every((id) => have.has(id));
            },
            ids,
          ),
        { message: 'all 620 cases in the ledger', timeout: 20000 },
      );
      const tiers = () =>
        sidebarFrame(page).evaluate(() =>
          [...document.querySelectorAll('[data-testid=cases] [data-tier]')].map((e) => e.getAttribute('data-tier')),
        );
      const rank = { overdue: 0, lt6h: 1, lt24h: 2, later: 3, none: 4 };
      let shown = await tiers();
      assertEqual(shown.length, 30, 'the first 30 listed');
      // The reading reached the sidebar whole, though it came in more than one part.
      assert(
        (await sidebarFrame(page).locator('[data-testid=list-more]').textContent()).includes('共 620 条'),
        'the sidebar counts all 620',
      );
      assert(
        shown.every((t, i) => i === 0 || rank[shown[i - 1]] <= rank[t]),
        `most urgent first: ${shown.join(',')}`,
      );
      const host = sidebarFrame(page);
      await host.locator('[data-testid=list-more]').click();
      await waitFor(async () => (shown = await tiers()).length === 60, { message: '30 more listed' });
      assert(
        shown.every((t, i) => i === 0 || rank[shown[i - 1]] <= rank[t]),
        'still most urgent first',
      );
      await host.locator('[data-testid=list-more]').scrollIntoViewIfNeeded();
      await shot(page, shotsDir, 'sale-day-list');
      // A badge opens its case from the keyboard too (row 77, badged once it is scrolled to).
      const id = ids[77];
      await page.evaluate(
        (i) =>
          [...document.querySelectorAll('span')].find((s) => s.textContent === i).scrollIntoView({ block: 'center' }),
        id,
      );
      await waitFor(async () => (await badges(page)).includes(id), { message: 'row 77 badged once on screen' });
      await page.locator(`aftersales-radar-badge[data-dispute-id="${id}"]`).focus();
      await page.keyboard.press('Enter');
      await waitFor(async () => (await sidebar(page)).caseView === id, {
        message: 'the case view of the badge opened with Enter',
      });
      // The popup loads the 200 most urgent and says how many are open in all.
      const open = await ledger(ext, async (all) => (await all('cases')).filter((c) => c.open === 1).length);
      assert(open > 200, `more than 200 open cases: ${open}`);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await waitFor(
        async () => (await popup.getByTestId('counts').textContent()).includes(`${open} 单，按紧急程度载入前 200 单`),
        { message: `the popup to count ${open} open cases` },
      );
      await popup.close();
    },
  );
}
