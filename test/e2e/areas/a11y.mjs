// End-to-end area: accessibility. axe-core (WCAG 2.1 A/AA and best practice) over every surface and state
// (sidebar, row badges, popup, each options section, 日报, cockpit): no critical or serious finding on any.
// And the keyboard: focus follows every action, the sidebar is one key away, the popup starts on its
// search box, the options page reflows at 400% zoom (320 CSS px wide).
import path from 'node:path';
import { assertAccessible, axeFindings } from '../axe.mjs';
import {
  assert,
  assertEqual,
  badges,
  ensureLedger,
  M,
  shot,
  sidebar,
  sidebarFrame,
  sidebarMatchesPage,
  waitFor,
} from '../harness.mjs';

/** What has the focus in the sidebar's frame (null: the frame does not have it, or only its body). */
function sidebarFocus(page) {
  return sidebarFrame(page).evaluate(() => {
    const el = document.activeElement;
    if (!document.hasFocus() || !el || el === document.body) return null;
    return {
      tag: el.tagName.toLowerCase(),
      cls: el.getAttribute('class') ?? '',
      text: (el.textContent ?? '').trim().slice(0, 40),
      inCase: !!el.closest('.ar-caseview'),
      row: el.closest('[data-testid=cases] [data-dispute-id]')?.getAttribute('data-dispute-id') ?? null,
    };
  });
}

/** Open the sidebar if an earlier check left it folded (the layout is kept per host). */
async function unfold(page) {
  await page.locator('aftersales-radar').waitFor({ state: 'attached' });
  await waitFor(() => sidebarFrame(page), { message: 'the sidebar frame' });
  await page.waitForTimeout(300);
  if (!(await sidebar(page)).collapsed) return;
  await sidebarFrame(page).locator('.ar-tab').click();
  await waitFor(async () => !(await sidebar(page)).collapsed, { message: 'the sidebar open' });
}

const focusIs = (page, test, message) =>
  waitFor(
    async () => {
      const f = await sidebarFocus(page).catch(() => null);
      return f && test(f) && f;
    },
    { message },
  );

/** @param {import('../harness.mjs').Session} session */
export default async function a11yArea({ run, backend, context, extensionId, page, ext, shotsDir }) {
  await ensureLedger({ page, ext }, { finished: true });
  const open = (x) =>
    x.platform === 'taobao' && x.kind === 'refund' && x.status === 'WAIT_SELLER_AGREE' && x.deadlineAt;

  await run.check('axe: the sidebar on a list page, and the row badges', async () => {
    await page.bringToFront();
    await page.goto(`${M}/refund-list`);
    await unfold(page);
    await sidebarMatchesPage(page, 'refund list');
    await assertAccessible(sidebarFrame(page), 'the sidebar on 退款管理');
    await shot(page, shotsDir, 'refund-list-a11y');
    assert((await badges(page)).length > 0, 'badges on the list');
    await assertAccessible(page, 'the row badges', 'aftersales-radar-badge');
  });

  await run.check("axe: a case row's name says its countdown, status and amount", async () => {
    const names = await sidebarFrame(page).evaluate(() =>
      [...document.querySelectorAll('[data-testid=cases] [data-dispute-id] button')].slice(0, 3).map((b) => ({
        label: b.getAttribute('aria-label'),
        text: b.textContent,
        countdown: b.querySelector('[data-testid=countdown]').textContent,
      })),
    );
    for (const n of names) {
      // No aria-label standing in for the visible text: the name is the text, countdown first.
      assertEqual(n.label, null, 'no aria-label on a case row');
      assert(n.text.startsWith(n.countdown) && /¥|—/.test(n.text), `the row says its countdown and amount: ${n.text}`);
    }
  });

  await run.check('axe: the case view opened from the list, and the collapsed tab', async () => {
    const frame = sidebarFrame(page);
    await frame.locator('[data-testid=cases] [data-dispute-id] button').first().click();
    await waitFor(async () => (await sidebar(page)).caseView, { message: 'the case view' });
    await assertAccessible(sidebarFrame(page), 'the case view');
    await frame.locator('.ar-head .ar-icon').click();
    await waitFor(async () => (await sidebar(page)).collapsed, { message: 'collapsed' });
    await assertAccessible(sidebarFrame(page), 'the collapsed tab');
    await sidebarFrame(page).locator('.ar-tab').click();
    await waitFor(async () => !(await sidebar(page)).collapsed, { message: 'open again' });
  });

  await run.check('axe: the sidebar on a detail page (guidance, replies, notes)', async () => {
    const c = backend.cases.find(open);
    await page.goto(`${M}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
    await unfold(page);
    await waitFor(async () => (await sidebar(page)).caseView === c.disputeId, { message: 'case view' });
    await assertAccessible(sidebarFrame(page), 'the sidebar on 退款详情');
  });

  await run.check('axe: the sidebar on a page it does not recognise, and the cockpit', async () => {
    await page.goto(`${M}/tp/sold`);
    await unfold(page);
    await waitFor(async () => (await sidebar(page)).unrecognised, { message: 'unrecognised state' });
    await assertAccessible(sidebarFrame(page), 'the not-recognised sidebar');
    await page.goto(`${M}/refund-workbench`);
    await waitFor(async () => (await sidebar(page)).stats, { message: 'the cockpit' });
    await sidebarFrame(page).getByTestId('cockpit').waitFor();
    await assertAccessible(sidebarFrame(page), 'the cockpit');
  });

  await run.check(
    'axe: the sidebar and the badges where the state was not read (its case, to teach), and where the id label is unknown',
    async () => {
      await page.goto(`${M}/refund-list?statusWording=unknown`);
      await unfold(page);
      const [id] = await waitFor(async () => (await sidebar(page)).ids?.length && (await sidebar(page)).ids, {
        message: 'the cases listed',
      });
      await waitFor(async () => (await badges(page)).length > 0, { message: 'badges' });
      await assertAccessible(sidebarFrame(page), 'the sidebar with states not read');
      await assertAccessible(page, 'the row badges with states not read', 'aftersales-radar-badge');
      await sidebarFrame(page).locator(`[data-testid=cases] [data-dispute-id="${id}"] button`).click();
      await sidebarFrame(page).getByTestId('teach-status').waitFor();
      await assertAccessible(sidebarFrame(page), 'the case whose state was not read');
      await page.goto(`${M}/refund-list?layout=table&links=0&idLabel=维权工单号`);
      await unfold(page);
      await waitFor(async () => (await sidebar(page)).drift, { message: 'the drift warning and labels to teach' });
      await assertAccessible(sidebarFrame(page), 'the sidebar offering labels to teach');
    },
  );

  await run.check('axe: the popup with cases, its export box and a search', async () => {
    const popup = await context.newPage();
    try {
      await popup.setViewportSize({ width: 400, height: 640 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await popup.locator('[data-group] [data-dispute-id]').first().waitFor();
      await popup.getByTestId('total').waitFor();
      await assertAccessible(popup, 'the popup');
      await shot(popup, shotsDir, 'popup-a11y');
      await popup.locator('.ar-export-box summary').click();
      await assertAccessible(popup, 'the popup with 导出台账 open');
      await popup.locator('.ar-search').fill('1');
      await popup.getByTestId('search-results').waitFor();
      await assertAccessible(popup, 'the popup with search results');
    } finally {
      await popup.close();
    }
  });

  await run.check('axe: every section of the options page', async () => {
    const options = await context.newPage();
    try {
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await options.locator('#about').waitFor();
      // Sections fill in from the ledger and settings: wait until the last one has its content.
      await options.waitForTimeout(1000);
      const ids = await options.locator('main > section[id]').evaluateAll((els) => els.map((e) => e.id));
      assert(ids.length >= 12, `sections: ${ids.join(', ')}`);
      const found = [];
      for (const id of ids) for (const f of await axeFindings(options, `#${id}`)) found.push(`#${id}: ${f}`);
      for (const f of await axeFindings(options, 'nav')) found.push(`nav: ${f}`);
      assert(
        found.length === 0,
        `${found.length} critical/serious axe findings on the options page:\n${found.join('\n')}`,
      );
      await assertAccessible(options, 'the options page as a whole');
    } finally {
      await options.close();
    }
  });

  await run.check('axe: the 日报', async () => {
    const report = await context.newPage();
    try {
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      await report.goto(`chrome-extension://${extensionId}/report.html#${today}`);
      await report.getByTestId('report-figures').waitFor();
      await assertAccessible(report, 'the 日报');
    } finally {
      await report.close();
    }
  });

  await run.check('axe: in English, the sidebar, the popup and the options page', async () => {
    const chooseLanguage = async (lang) => {
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html#shop`);
      await options.getByLabel('界面语言 Language').selectOption(lang);
      await options
        .locator('nav h1')
        .filter({ hasText: lang === 'en' ? 'settings' : '设置' })
        .waitFor();
      return options;
    };
    const options = await chooseLanguage('en');
    try {
      await assertAccessible(options, 'the options page in English');
      const c = backend.cases.find(open);
      await page.goto(`${M}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
      await unfold(page);
      await waitFor(async () => (await sidebar(page)).text.includes('Next steps'), {
        message: 'the sidebar in English',
      });
      await assertAccessible(sidebarFrame(page), 'the sidebar in English');
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await popup.getByPlaceholder('Search order or dispute id').waitFor();
      await popup.locator('[data-group] [data-dispute-id]').first().waitFor();
      await assertAccessible(popup, 'the popup in English');
      await popup.close();
    } finally {
      await options.close();
      await (await chooseLanguage('zh')).close();
    }
  });

  // ---- the keyboard ----

  await run.check(
    'keyboard: opening a case moves the focus into it, 返回列表 back to its row, folding keeps it on the toggle',
    async () => {
      await page.bringToFront();
      await page.goto(`${M}/refund-list`);
      await unfold(page);
      await sidebarMatchesPage(page, 'refund list');
      const frame = sidebarFrame(page);
      const row = frame.locator('[data-testid=cases] [data-dispute-id] button').nth(2);
      const id = await row.evaluate((b) => b.closest('[data-dispute-id]').getAttribute('data-dispute-id'));
      await row.focus();
      await page.keyboard.press('Enter');
      await focusIs(page, (f) => f.inCase, 'the focus in the case view');
      await frame.getByRole('button', { name: '← 返回列表' }).focus();
      await page.keyboard.press('Enter');
      await focusIs(page, (f) => f.row === id, `the focus back on the row of ${id}`);
      await frame.locator('.ar-head .ar-icon').focus();
      await page.keyboard.press('Enter');
      await waitFor(async () => (await sidebar(page)).collapsed, { message: 'collapsed' });
      await focusIs(page, (f) => f.cls.includes('ar-tab'), 'the focus on the folded tab');
      await page.keyboard.press('Enter');
      await waitFor(async () => !(await sidebar(page)).collapsed, { message: 'open again' });
      await focusIs(page, (f) => f.cls.includes('ar-icon'), 'the focus on the fold button');
      // More cases listed: the focus on the first one added (the button goes once all are listed).
      // (The first 40 of the badges area's sale-day rows: nothing new for the ledger in a full run.)
      await page.goto(`${M}/refund-list?demoRows=40&pageSize=40`);
      await waitFor(async () => (await sidebar(page)).ids?.length === 30, { message: '30 cases listed' });
      const more = sidebarFrame(page).getByTestId('list-more');
      await more.focus();
      await page.keyboard.press('Enter');
      const f = await focusIs(page, (x) => x.row !== null, 'the focus on a case added');
      const ids = (await sidebar(page)).ids;
      assertEqual([ids.length, ids.indexOf(f.row)], [40, 30], 'the 31st of 40 cases has the focus');
    },
  );

  await run.check("keyboard: Alt+Shift+R and a badge's Enter move the focus into the sidebar", async () => {
    await page.bringToFront();
    await page.goto(`${M}/refund-list`);
    await unfold(page);
    await sidebarMatchesPage(page, 'refund list');
    // The page has the focus: one key reaches the open sidebar.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Alt+Shift+KeyR');
    await focusIs(page, () => true, 'the focus in the sidebar');
    assert(!(await sidebar(page)).collapsed, 'still open');
    // From inside it the shortcut folds it; from the page again it opens, the focus inside.
    await page.keyboard.press('Alt+Shift+KeyR');
    await waitFor(async () => (await sidebar(page)).collapsed, { message: 'folded from inside' });
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Alt+Shift+KeyR');
    await waitFor(async () => !(await sidebar(page)).collapsed, { message: 'opened from the page' });
    await focusIs(page, () => true, 'the focus in the opened sidebar');
    // A badge's Enter opens its case, the focus in it.
    const [id] = await badges(page);
    await page.locator(`aftersales-radar-badge[data-dispute-id="${id}"]`).focus();
    await page.keyboard.press('Enter');
    await waitFor(async () => (await sidebar(page)).caseView === id, { message: 'the case view of the badge' });
    await focusIs(page, (f) => f.inCase, 'the focus in the case opened by the badge');
  });

  await run.check(
    'keyboard: the popup starts on its search box; 再显示 puts the focus on the first row added',
    async () => {
      const popup = await context.newPage();
      try {
        await popup.goto(`chrome-extension://${extensionId}/popup.html`);
        await popup.locator('[data-group] [data-dispute-id]').first().waitFor();
        await waitFor(() => popup.evaluate(() => document.activeElement?.classList.contains('ar-search')), {
          message: 'the focus on the search box',
        });
        // 再显示: the focus on the first row added (the 41st; the list-more check above left over 40 open).
        await popup.getByTestId('list-more').focus();
        await popup.keyboard.press('Enter');
        await waitFor(
          () =>
            popup.evaluate(
              () => [...document.querySelectorAll('[data-group] .ar-case-btn')].indexOf(document.activeElement) === 40,
            ),
          { message: 'the focus on the 41st row' },
        );
        await popup.locator('.ar-search').focus();
        await popup.keyboard.type('1');
        await popup.getByTestId('search-results').waitFor();
      } finally {
        await popup.close();
      }
    },
  );

  await run.check('the options page reflows at 400% zoom (320 CSS px wide): no sideways scrolling', async () => {
    const options = await context.newPage();
    try {
      await options.setViewportSize({ width: 320, height: 640 });
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await options.locator('#about').waitFor();
      await options.waitForTimeout(1000);
      const wide = await options.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        return {
          vw,
          scroll: document.documentElement.scrollWidth,
          over: [...document.querySelectorAll('main *')]
            .filter((e) => e.getBoundingClientRect().right > vw + 1 && getComputedStyle(e).position !== 'fixed')
            .filter((e) => !e.closest('[class*=scroll]'))
            .slice(0, 8)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
        };
      });
      assert(wide.scroll <= wide.vw, `the page scrolls sideways: ${wide.scroll} > ${wide.vw}; ${wide.over.join(', ')}`);
      await options.screenshot({ path: path.join(shotsDir, 'options-320px.png') });
    } finally {
      await options.close();
    }
  });
}
