// End-to-end area: Reading the seller pages: which page it is, which cases it lists, their countdowns, and the page's own data
// responses; lists, details, route changes, iframes, a strict CSP, both hosts and the old refund2 pages.
import {
  assert,
  assertEqual,
  badges,
  ledger,
  ledgerCount,
  M,
  minutesOf,
  openListLayout,
  pageIds,
  Q,
  RECORD,
  shot,
  sidebar,
  sidebarFrame,
  sidebarMatchesPage,
  waitFor,
} from '../harness.mjs';

/** @param {import('../harness.mjs').Session} session */
export default async function readingArea({ run, backend, context, worker, extensionId, page, ext, shotsDir }) {
  await run.check(
    'the service worker runs and the manifest asks only for storage, alarms, notifications and the four seller hosts',
    async () => {
      assert(extensionId, 'no extension id');
      const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
      assertEqual([...manifest.permissions].sort(), ['alarms', 'notifications', 'storage'], 'permissions');
      assertEqual(
        [...manifest.host_permissions].sort(),
        [
          'https://myseller.taobao.com/*',
          'https://qn.taobao.com/*',
          'https://refund2.taobao.com/*',
          'https://refund2.tmall.com/*',
        ],
        'host permissions',
      );
      assertEqual(manifest.optional_host_permissions, ['*://*/*'], 'team sync: the one optional host pattern');
      assertEqual(manifest.content_scripts[0].matches.length, 4, 'content script matches');
      assert(manifest.name.includes('售后雷达'), 'name');
    },
  );

  await run.check(
    '退款管理 (Taobao): the sidebar, an extension frame in the closed shadow root of <aftersales-radar>, lists exactly the cases on the page',
    async () => {
      await page.goto(`${M}/refund-list`);
      const { page: ids } = await sidebarMatchesPage(page, 'Taobao refund-list');
      assertEqual(ids.length, 10, 'the demo shows 10 rows a page');
      const sb = await sidebar(page);
      assertEqual(sb.hosts, 1, 'one sidebar host');
      assert(sb.framed, "the sidebar is the extension's own page, in a frame");
      assertEqual(sb.pageKind, 'refund-list', 'page kind');
      assert(sb.pageText.includes('淘宝'), `platform shown as 淘宝: ${sb.pageText}`);
      // The page's scripts can reach neither the frame nor what the sidebar shows (notes, timelines).
      assertEqual(
        await page.evaluate(() => [
          document.querySelector('aftersales-radar').shadowRoot,
          document.querySelectorAll('iframe, .ar-panel').length,
        ]),
        [null, 0],
        "nothing of the sidebar in the page's reach",
      );
      await shot(page, shotsDir, 'refund-list-taobao');
    },
  );

  await run.check('each row countdown in the sidebar agrees with the page countdown to the minute', async () => {
    const pairs = await page.evaluate(() => {
      const out = [];
      const text = document.body.innerText;
      for (const block of text.split(/(?=退款编号[：:])/)) {
        const id = block.match(/^退款编号[：:]\s*(\d+)/)?.[1];
        const cd = block.match(/还剩[\d天时分]+/)?.[0];
        if (id && cd) out.push([id, cd]);
      }
      return out;
    });
    assert(pairs.length >= 5, `page shows countdowns (${pairs.length})`);
    const sb = await sidebar(page);
    for (const [id, cd] of pairs) {
      const chip = sb.chips[id];
      assert(chip, `sidebar has a chip for ${id}`);
      const diff = Math.abs(minutesOf(chip) - minutesOf(cd));
      assert(diff <= 1, `${id}: page ${cd} vs sidebar ${chip}`);
    }
  });

  await run.check(
    "a status the vocabulary does not know: each row keeps the page's countdown and says 状态未读到, naming no actor or consequence (sidebar list, case view, badge tooltip)",
    async () => {
      // The demo words every status in a way the extension has not seen, and its countdowns without their action.
      await page.goto(`${M}/refund-list?statusWording=unknown`);
      await sidebarMatchesPage(page, 'refund list, statuses in an unknown wording');
      const shown = await page.evaluate(() => {
        const out = [];
        for (const block of document.body.innerText.split(/(?=退款编号[：:])/)) {
          const id = block.match(/^退款编号[：:]\s*(\d+)/)?.[1];
          if (id)
            out.push({
              id,
              countdown: block.match(/还剩[\d天时分]+/)?.[0] ?? null,
              status: block.includes('售后申请审核中'),
              action: /自动(同意|退款|关闭|确认收货)/.test(block),
            });
        }
        return out;
      });
      const counting = shown.filter((r) => r.countdown);
      assert(
        counting.length >= 5 && shown.every((r) => r.status && !r.action),
        `the page shows the unknown wording, countdowns and no action: ${JSON.stringify(shown)}`,
      );
      const ACTION = /自动(同意|退款|关闭|确认收货)|后平台将|auto-/;
      const rows = await waitFor(
        async () => {
          const r = await sidebarFrame(page).evaluate(() =>
            Object.fromEntries(
              [...document.querySelectorAll('[data-testid=cases] [data-dispute-id]')].map((li) => [
                li.getAttribute('data-dispute-id'),
                {
                  state: li.getAttribute('data-state'),
                  chip: li.querySelector('[data-testid=countdown]')?.textContent ?? '',
                  unread: li.querySelector('[data-testid=state-unread]')?.textContent ?? null,
                  text: li.textContent,
                },
              ]),
            ),
          );
          return counting.every((c) => r[c.id]?.state === 'unread') && r;
        },
        { message: 'the sidebar rows marked as state not read' },
      );
      const badge = await page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll('aftersales-radar-badge')].map((b) => [
            b.getAttribute('data-dispute-id'),
            { title: b.title, chip: b.shadowRoot.firstElementChild.className },
          ]),
        ),
      );
      for (const { id, countdown } of counting) {
        const row = rows[id];
        assert(
          Math.abs(minutesOf(row.chip) - minutesOf(countdown)) <= 1,
          `${id}: the sidebar's countdown ${row.chip} is the page's ${countdown}`,
        );
        assertEqual(row.unread, '状态未读到：请打开详情页确认', `${id}: the sidebar row says the state was not read`);
        assert(!ACTION.test(row.text), `${id}: the sidebar row names no consequence: ${row.text}`);
        const b = badge[id];
        assert(
          b.title.startsWith('售后雷达：') && Math.abs(minutesOf(b.title) - minutesOf(countdown)) <= 1,
          `${id}: the badge tooltip gives the countdown: ${b.title}`,
        );
        assert(
          b.title.includes('状态未读到：请打开详情页确认') && b.title.includes('平台页面倒计时（还剩'),
          `${id}: the badge tooltip says the state was not read: ${b.title}`,
        );
        assert(!ACTION.test(b.title), `${id}: the badge tooltip names no consequence: ${b.title}`);
        assert(b.chip.split(' ').includes('unread'), `${id}: the badge chip is drawn as state not read: ${b.chip}`);
      }
      // The case view: the countdown, the notice, no next steps guessed, and only replies that hold whatever the state.
      const { id } = counting[0];
      await sidebarFrame(page).locator(`[data-testid=cases] [data-dispute-id="${id}"] button`).click();
      const view = await waitFor(
        async () => {
          const v = await sidebarFrame(page).evaluate(() => {
            const q = (s) => document.querySelector(s);
            return (
              q('.ar-caseview') && {
                id: q('.ar-caseview').getAttribute('data-dispute-id'),
                state: q('[data-testid=case-countdown]')?.getAttribute('data-state'),
                countdown: q('[data-testid=case-countdown]')?.textContent ?? '',
                steps: q('[data-testid=steps]') ? q('[data-testid=steps]').textContent : null,
                needs: q('[data-testid=steps-needs] [data-testid=needs]')?.textContent ?? null,
                replies: [...document.querySelectorAll('[data-testid=replies] [data-reply-id]')].map((r) =>
                  r.getAttribute('data-reply-id'),
                ),
                text: q('.ar-caseview').textContent,
              }
            );
          });
          return v?.id === id && v;
        },
        { message: 'the case view' },
      );
      assertEqual(view.state, 'unread', 'the case countdown is marked as state not read');
      assert(
        view.countdown.includes('状态未读到：请打开详情页确认') && view.countdown.includes('平台页面倒计时（还剩'),
        `the case countdown says the state was not read: ${view.countdown}`,
      );
      assertEqual([view.steps, view.needs], [null, '需要：售后状态'], 'no next steps, and what they need');
      assert(
        view.replies.length > 0 &&
          view.replies.every((r) => /^(greet\.|damage\.photos|evidence\.photos|missing\.checking)/.test(r)),
        `only status-neutral replies: ${view.replies}`,
      );
      assert(
        !ACTION.test(view.text) && !view.text.includes('退款成功将计入退款率'),
        'the case view names no consequence and no state-dependent flag',
      );
      await shot(page, shotsDir, 'state-unread');
      // Leave the ledger's status wording as the other checks expect it.
      await page.goto(`${M}/refund-list`);
      await sidebarMatchesPage(page, 'refund list, read again');
    },
  );

  await run.check("the cases reach the ledger in the extension's own IndexedDB, never the page's", async () => {
    const count = await waitFor(async () => (await ledgerCount(ext)) >= 10 && ledgerCount(ext), {
      message: 'ledger to hold the page cases',
    });
    assert(count >= 10, `ledger has ${count}`);
    const pageDbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    assert(!pageDbs.includes('aftersales-radar'), `the page origin has no ledger: ${pageDbs}`);
  });

  await run.check("the page's own data response fills what the list does not show, marked as from data", async () => {
    const id = (await pageIds(page))[0];
    const truth = backend.cases.find((c) => c.disputeId === id);
    const rec = await waitFor(
      () =>
        ledger(
          ext,
          async (all, key) => (await all('cases')).find((c) => c.key === key && c.fromData) ?? null,
          `taobao:${id}`,
        ),
      { message: 'a ledger record with fields from the data response' },
    );
    assert(rec.fromData.includes('paidAt'), `fromData: ${rec.fromData}`);
    assertEqual(Date.parse(rec.paidAt), Math.floor(truth.paidAt / 1000) * 1000, 'paidAt from the data response');
    assert(!rec.fromData.includes('refundFen'), 'what the page shows still comes from the page');
  });

  await run.check('paging: the sidebar follows the page to page 2', async () => {
    const before = await pageIds(page);
    await page.getByRole('button', { name: '第2页' }).click();
    await waitFor(async () => JSON.stringify(await pageIds(page)) !== JSON.stringify(before), { message: 'page 2' });
    const { page: ids } = await sidebarMatchesPage(page, 'page 2');
    assert(!ids.some((id) => before.includes(id)), 'page 2 shows other cases');
  });

  await run.check('a re-rendered list keeps one sidebar and the same cases', async () => {
    await page.goto(`${M}/refund-list?rerenderMs=700`);
    await sidebarMatchesPage(page, 'initial');
    const firstRow = await page.evaluate(() => document.querySelector('#ice-container [style]'));
    await page.waitForTimeout(1800); // two re-renders with fresh nodes
    await sidebarMatchesPage(page, 're-rendered');
    assertEqual((await sidebar(page)).hosts, 1, 'still one sidebar host');
    void firstRow;
  });

  await run.check(
    "a route change without reload (退款管理 → 换货管理 → 退货邮费) relists the new tab's cases",
    async () => {
      await page.goto(`${M}/refund-list`);
      await sidebarMatchesPage(page, 'refund');
      await page.evaluate(() => {
        window.__noReload = true;
      });
      await page
        .getByRole('tab', { name: '换货管理' })
        .or(page.locator('a', { hasText: '换货管理' }))
        .first()
        .click();
      await waitFor(async () => (await sidebar(page)).pageKind === 'exchange-list', { message: 'exchange-list' });
      await sidebarMatchesPage(page, 'exchange');
      await shot(page, shotsDir, 'exchange-list');
      await page.locator('a', { hasText: '退货邮费' }).first().click();
      await waitFor(async () => (await sidebar(page)).pageKind === 'postage-list', { message: 'postage-list' });
      await sidebarMatchesPage(page, 'postage');
      assert(await page.evaluate(() => window.__noReload === true), 'the page did not reload');
      await shot(page, shotsDir, 'postage-list');
    },
  );

  await run.check("a list rendered inside an iframe (/tp/ shell) shows in the top frame's sidebar", async () => {
    await page.goto(`${M}/tp/refund-list`);
    const frame = await waitFor(
      async () => page.frames().find((f) => f !== page.mainFrame() && f.url().includes('embed=1')),
      { message: 'the iframe' },
    );
    const ids = await waitFor(
      async () => {
        const found = await frame
          .evaluate(() => [
            ...new Set([...document.body.innerText.matchAll(/退款编号[：:]\s*(\d{5,})/g)].map((m) => m[1])),
          ])
          .catch(() => []);
        return found.length > 0 && found;
      },
      { message: 'rows in the iframe' },
    );
    await waitFor(
      async () => JSON.stringify([...((await sidebar(page)).ids ?? [])].sort()) === JSON.stringify([...ids].sort()),
      { message: 'sidebar to list the iframe rows', timeout: 12000 },
    );
    const sb = await sidebar(page);
    assertEqual(sb.hosts, 1, 'one sidebar, in the top frame');
    assertEqual(
      await frame.evaluate(() => document.querySelectorAll('aftersales-radar').length),
      0,
      'no sidebar inside the iframe',
    );
    assert(!sb.drift, `no drift warning on the shell: ${sb.drift}`);
    await shot(page, shotsDir, 'refund-list-iframe');
  });

  await run.check(
    "under a strict Content-Security-Policy (frames from the page's own origin only) the sidebar and badges still work",
    async () => {
      await page.goto(`${M}/refund-list?csp=strict`);
      const { page: ids } = await sidebarMatchesPage(page, 'strict-CSP refund-list');
      assertEqual(ids.length, 10, 'all rows');
    },
  );

  await run.check('退款管理 (Tmall, qn host) is read as a Tmall shop', async () => {
    await page.goto(`${Q}/refund-list`);
    await sidebarMatchesPage(page, 'Tmall refund-list');
    const sb = await sidebar(page);
    assert(sb.pageText.includes('天猫'), `platform shown as 天猫: ${sb.pageText}`);
    await shot(page, shotsDir, 'refund-list-tmall');
  });

  for (const [host, platform] of [
    ['refund2.taobao.com', '淘宝'],
    ['refund2.tmall.com', '天猫'],
  ]) {
    await run.check(`the old ${host} list (sellerDisputeList.htm) is read`, async () => {
      await page.goto(`https://${host}/dispute/sellerDisputeList.htm?type=1`);
      const { page: ids } = await sidebarMatchesPage(page, host);
      assertEqual(ids.length, 15, 'rows on the old list page');
      const sb = await sidebar(page);
      assert(sb.pageText.includes(platform), `platform ${platform}: ${sb.pageText}`);
      await shot(page, shotsDir, `refund2-list-${host.split('.')[1]}`);
    });
  }

  await run.check('a refund detail page shows the case with the platform countdown', async () => {
    const c = backend.cases.find(
      (x) => x.platform === 'tmall' && x.status === 'WAIT_SELLER_CONFIRM_GOODS' && x.deadlineAt,
    );
    await page.goto(`${Q}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
    const sb = await waitFor(
      async () => {
        const s = await sidebar(page);
        return s.caseView === c.disputeId && s;
      },
      { message: 'case view' },
    );
    const pageCd = await page.evaluate(() => document.body.innerText.match(/还剩[\d天时分]+/)?.[0]);
    assert(pageCd, 'page shows a countdown');
    assert(
      Math.abs(minutesOf(sb.caseCountdown) - minutesOf(pageCd)) <= 1,
      `case countdown ${sb.caseCountdown} vs page ${pageCd}`,
    );
    assert(sb.caseCountdown.includes('自动退款'), `says what happens at timeout: ${sb.caseCountdown}`);
    assert(sb.text.includes(c.orderId), 'shows the order id');
    await shot(page, shotsDir, 'refund-detail');
  });

  for (const [what, url, pick] of [
    [
      '换货详情 (exchange detail)',
      (c) => `${M}/exchange-list/detail?disputeId=${c.disputeId}&type=1`,
      (c) => c.platform === 'taobao' && c.status === 'EXCHANGE_WAIT_SELLER_AGREE',
    ],
    [
      'the old refund2 detail (Tmall)',
      (c) =>
        `https://refund2.tmall.com/dispute/detail.htm?bizOrderId=${c.orderId}&disputeId=${c.disputeId}&disputeType=1`,
      (c) => c.platform === 'tmall' && c.kind === 'refund' && c.status === 'WAIT_SELLER_AGREE',
    ],
  ]) {
    await run.check(`${what} shows its case with the platform countdown`, async () => {
      const c = backend.cases.find(pick);
      await page.goto(url(c));
      const sb = await waitFor(
        async () => {
          const s = await sidebar(page);
          return s.caseView === c.disputeId && s;
        },
        { message: 'case view' },
      );
      const pageCd = await page.evaluate(() => document.body.innerText.match(/(?:还剩|您还有)\s*([\d天时分]+)/)?.[1]);
      assert(pageCd, 'page shows a countdown');
      assert(
        Math.abs(minutesOf(sb.caseCountdown) - minutesOf(pageCd)) <= 1,
        `case countdown ${sb.caseCountdown} vs page ${pageCd}`,
      );
      assert(!sb.drift, `no drift warning: ${sb.drift}`);
    });
  }

  /** The case ids a list in another layout shows: its 15-digit numbers (order numbers have 19). */
  const same = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

  for (const [layout, what] of [
    ['table', 'a table whose ids are a column'],
    ['split', 'a Fusion split table with the id column locked (rendered twice)'],
    ['grid', 'an ARIA grid of divs'],
    ['fusion', 'the real Fusion Table in list mode (GroupHeader with the ids, selection, fixed header)'],
    ['fusion-plain', 'the real Fusion Table (@alifd/next), fixed header, ids a column'],
    ['fusion-lock', 'the real Fusion Table with the id column locked left and 操作 right (rendered twice)'],
  ]) {
    await run.check(`退款管理 as ${what}: every row read once, badged once, stored`, async () => {
      const ids = await openListLayout(page, `${M}/refund-list?layout=${layout}`);
      let last;
      // Badges go on the rows near the screen: bring every row near it once, and never two on one row.
      const badged = new Set();
      await waitFor(
        async () => {
          await page.evaluate(() => window.scrollBy(0, window.innerHeight / 2));
          const sb = await sidebar(page);
          const b = await badges(page);
          assert(new Set(b).size === b.length, `one badge per row: ${b}`);
          b.forEach((id) => badged.add(id));
          last = { sidebar: sb.ids, badges: [...badged] };
          return same(sb.ids ?? [], ids) && same(badged, ids) && !sb.drift;
        },
        { message: `sidebar and badges to list the ${layout} rows once each` },
      ).catch((e) => {
        throw new Error(`${e.message}\n    page: ${JSON.stringify(ids)}\n    seen: ${JSON.stringify(last)}`);
      });
      const stored = await waitFor(
        () =>
          ledger(
            ext,
            async (all, want) => {
              const have = new Map((await all('cases')).map((c) => [c.disputeId, c]));
              return want.every((id) => have.has(id)) && want.map((id) => have.get(id));
            },
            ids,
          ),
        { message: 'the rows in the ledger' },
      );
      assert(
        stored.every((c) => c.orderId),
        'every row stored with its order number',
      );
      await shot(page, shotsDir, `refund-list-${layout}`);
    });
  }

  await run.check(
    'the real Fusion Table redrawn by React (?rerenderMs=) and paged keeps exactly one badge per row, on the rows shown',
    async () => {
      const first = await openListLayout(page, `${M}/refund-list?layout=fusion-plain&rerenderMs=400`);
      const draws = () => page.evaluate(() => Number(document.body.getAttribute('data-demo-draws')));
      const shown = async (ids) => {
        const b = await badges(page);
        assert(new Set(b).size === b.length, `one badge per row: ${b}`);
        return same(b, ids);
      };
      await waitFor(() => shown(first), { message: 'a badge on each row' });
      const before = await draws();
      await waitFor(async () => (await draws()) >= before + 3 && shown(first), {
        message: 'badges still once per row after three React redraws',
      });
      await page.getByRole('button', { name: '第2页' }).click();
      const second = await waitFor(
        async () => {
          const ids = await page.evaluate(() => [
            ...new Set(document.body.innerText.match(/(?<!\d)\d{15}(?!\d)/g) ?? []),
          ]);
          return ids.length === 10 && !ids.some((id) => first.includes(id)) && ids;
        },
        { message: 'page 2 drawn' },
      );
      await waitFor(() => shown(second), { message: "badges move to page 2's rows, none left from page 1" });
    },
  );

  await run.check(
    'a buyer whose nick reads 售后状态：退款成功 and whose reason reads 还剩0天0时1分 changes no fact',
    async () => {
      await page.goto(`${M}/refund-list?hostile=1`);
      const first = await waitFor(
        () =>
          page.evaluate((record) => {
            const nick = [...document.querySelectorAll('span')].find((s) => s.textContent === '售后状态：退款成功');
            const row = nick?.closest(record);
            if (!row) return null;
            return {
              id: row.innerText.match(/退款编号[：:]\s*(\d+)/)?.[1],
              status: row.innerText.match(/退款待处理|商家已拒绝|待买家退货|待商家收货/)?.[0],
              cd: row.innerText.match(/还剩[\d天时分]+(?=，)/)?.[0],
            };
          }, RECORD),
        { message: 'the hostile row drawn' },
      );
      assert(first.id && first.status && first.cd, `hostile row: ${JSON.stringify(first)}`);
      const { page: ids } = await sidebarMatchesPage(page, 'hostile refund-list');
      assertEqual(ids.length, 10, 'every row read');
      const sb = await sidebar(page);
      assert(
        Math.abs(minutesOf(sb.chips[first.id]) - minutesOf(first.cd)) <= 1,
        `countdown is the platform's ${first.cd}, not the buyer's: ${sb.chips[first.id]}`,
      );
      const rec = await waitFor(
        () => ledger(ext, async (all, id) => (await all('cases')).find((c) => c.disputeId === id), first.id),
        { message: 'stored' },
      );
      const snap = rec;
      assert(snap.status !== 'SUCCESS' && snap.status !== 'UNKNOWN', `status stays the page's: ${snap.status}`);
      assert(
        snap.pageDeadline && snap.pageDeadline.text !== '还剩0天0时1分',
        `deadline is the platform's: ${JSON.stringify(snap.pageDeadline)}`,
      );
    },
  );

  await run.check('售后工作台 shows the stat cards the page shows', async () => {
    await page.goto(`${M}/refund-workbench`);
    const sb = await waitFor(
      async () => {
        const s = await sidebar(page);
        return s.stats && s;
      },
      { message: 'stats' },
    );
    assert(sb.stats.includes('24小时内待处理') && sb.stats.includes('超时同意退款'), `stats: ${sb.stats}`);
    await shot(page, shotsDir, 'workbench');
  });

  await run.check('a seller page that is not an after-sales page says "未识别"', async () => {
    await page.goto(`${M}/tp/sold`);
    await waitFor(async () => (await sidebar(page)).unrecognised, { message: 'unrecognised state' });
  });

  // The page's own data in its real shapes, trusted only after it agreed with what the page shows.
  // Each check uses a data variant of the demo's (a shape of its own), so what earlier pages
  // calibrated does not count here.
  /** The amount each sidebar row shows (an exchange row shows 实付), by dispute id. */
  const rowAmounts = (p) =>
    sidebarFrame(p).evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('[data-testid=cases] [data-dispute-id]')].map((e) => [
          e.getAttribute('data-dispute-id'),
          e.querySelector('.ar-case-amount')?.textContent ?? '',
        ]),
      ),
    );
  const yuan = (fen) => `¥${(fen / 100).toFixed(2)}`;
  const records = (ids) =>
    ledger(ext, async (all, wanted) => (await all('cases')).filter((c) => wanted.includes(c.disputeId)), ids);

  await run.check(
    'data the rows do not show (实付) fills cases only after another of its fields agreed with the page; a bare number takes the unit it agreed in',
    async () => {
      const p = await context.newPage();
      try {
        // 换货管理 shows no amount: nothing in this response (bare numbers, the list under another name) can agree with the page.
        const variant = 'money=number&listAt=unnamed';
        await p.goto(`${M}/exchange-list?${variant}`);
        const { page: exchangeIds } = await sidebarMatchesPage(p, 'exchange list, bare-number data');
        await p.waitForTimeout(1500);
        const before = await rowAmounts(p);
        assert(
          exchangeIds.every((id) => before[id] === '—'),
          `no 实付 before calibration: ${JSON.stringify(before)}`,
        );
        // 退款管理 with rows that show 退款金额 but not 实付: refundFee agrees in yuan, so 实付 fills, as yuan.
        await p.goto(`${M}/refund-list?${variant}&paid=hidden`);
        const { page: refundIds } = await sidebarMatchesPage(p, 'refund list, bare-number data, no 实付 shown');
        assert(!(await p.evaluate(() => document.body.innerText.includes('实付'))), 'the rows show no 实付');
        const filled = await waitFor(
          async () => {
            const recs = await records(refundIds);
            return recs.length === refundIds.length && recs.every((r) => r.fromData?.includes('paidFen')) && recs;
          },
          { message: 'the refund cases filled with 实付 from the data' },
        );
        for (const r of filled)
          assertEqual(
            r.paidFen,
            backend.cases.find((c) => c.disputeId === r.disputeId).paidFen,
            `实付 of ${r.disputeId}`,
          );
        // Data that agrees (its summary-only first answer included) needs no diagnostics.
        assertEqual(
          await sidebarFrame(p).evaluate(() => document.querySelector('[data-testid=data-notes]')?.textContent ?? null),
          null,
          'no data diagnostics in the sidebar',
        );
        // The same shape on 换货管理 now fills 实付 too, with the unit it agreed in.
        await p.goto(`${M}/exchange-list?${variant}`);
        await sidebarMatchesPage(p, 'exchange list again');
        const after = await waitFor(
          async () => {
            const a = await rowAmounts(p);
            return exchangeIds.every((id) => a[id] !== '—') && a;
          },
          { message: 'the exchange rows show 实付 from the data' },
        );
        for (const id of exchangeIds)
          assertEqual(after[id], yuan(backend.cases.find((c) => c.disputeId === id).paidFen), `实付 of ${id}`);
      } finally {
        await p.close();
      }
    },
  );

  await run.check(
    'a data response in a deliberately wrong unit is switched off: it reaches neither the sidebar nor the ledger, and the sidebar says why',
    async () => {
      const p = await context.newPage();
      try {
        await p.goto(`${Q}/refund-list?money=wrong&listAt=elsewhere&paid=hidden`);
        const { page: ids } = await sidebarMatchesPage(p, 'Tmall refund list, wrong-unit data');
        const notes = await waitFor(
          () => sidebarFrame(p).evaluate(() => document.querySelector('[data-testid=data-notes]')?.textContent ?? null),
          { message: "the sidebar's data diagnostics" },
        );
        assert(/disputeBodyVO\.refundFee/.test(notes) && /不符/.test(notes), `drift note: ${notes}`);
        await shot(p, shotsDir, 'data-drift');
        const truths = ids.map((id) => backend.cases.find((c) => c.disputeId === id));
        const recs = await waitFor(
          async () => {
            const r = await records(ids);
            return r.length === ids.length && r;
          },
          { message: 'the cases in the ledger' },
        );
        for (const r of recs) {
          const t = truths.find((c) => c.disputeId === r.disputeId);
          assert(
            !(r.fromData ?? []).some((f) => /Fen$/.test(f)),
            `no amount from the data for ${r.disputeId}: ${r.fromData}`,
          );
          assertEqual(r.refundFen, t.refundFen, `退款金额 of ${r.disputeId} is the page's`);
          assert(r.paidFen === undefined || r.paidFen === t.paidFen, `实付 of ${r.disputeId}: ${r.paidFen}`);
        }
        // Nowhere in the sidebar, list or case, is an amount of the wrong unit.
        await sidebarFrame(p).locator(`[data-dispute-id="${ids[0]}"] button`).click();
        await waitFor(async () => (await sidebar(p)).caseView === ids[0], {
          message: 'the case opened in the sidebar',
        });
        const text = (await sidebar(p)).text;
        for (const t of truths)
          for (const fen of [t.refundFen, t.paidFen])
            if (fen >= 100) assert(!text.includes(yuan(fen / 100)), `no ${yuan(fen / 100)} in the sidebar`);
      } finally {
        await p.close();
      }
    },
  );
}
