// End-to-end area: the first run. A fresh install opens the welcome page (what it does and never does; the
// shop's basics, saved where the options page keeps them; 打开退款管理), and the popup of an empty ledger
// says how to start and opens 退款管理.
import { launchBrowser } from '../../../scripts/chromium.mjs';
import { assertAccessible } from '../axe.mjs';
import { assert, assertEqual, badges, EXTENSION, ledger, shot, sidebar, waitFor } from '../harness.mjs';

const REFUND_LIST = 'https://myseller.taobao.com/home.htm/trade-platform/refund-list';

/** @param {import('../harness.mjs').Session} session */
export default async function welcomeArea({ run, backend, shotsDir }) {
  await run.check(
    'a fresh install opens the welcome page: three steps, the shop basics saved for the options page, then 打开退款管理 reads the list',
    async () => {
      const b = await launchBrowser({ extensionPath: EXTENSION, port: backend.port });
      try {
        const welcome = await waitFor(
          () => b.context.pages().find((p) => p.url() === `chrome-extension://${b.extensionId}/welcome.html`),
          { message: 'the welcome page opened by the install' },
        );
        await welcome.bringToFront();
        await welcome.getByRole('heading', { name: '售后雷达能做什么' }).waitFor();
        assert((await welcome.locator('main').textContent()).includes('它从不'), 'what it never does is said');
        assertEqual(
          await welcome.evaluate(() => document.activeElement?.textContent),
          '售后雷达能做什么',
          'the step’s heading has the focus',
        );
        await shot(welcome, shotsDir, 'welcome-1');
        await assertAccessible(welcome, 'the welcome page, step 1');
        await welcome.getByRole('button', { name: '下一步' }).click();
        await welcome.getByRole('heading', { name: '本店基本信息' }).waitFor();
        await welcome.getByLabel('天猫').check();
        await welcome.getByLabel('按工作时间计算「下班前」和提醒').check();
        await welcome.getByLabel('上班', { exact: true }).fill('08:30');
        await welcome.getByLabel('七天无理由退货').check();
        await welcome.getByLabel('假一赔三').check();
        await shot(welcome, shotsDir, 'welcome-2');
        await assertAccessible(welcome, 'the welcome page, step 2 (the shop basics)');
        await welcome.getByRole('button', { name: '保存并继续' }).click();
        await welcome.getByRole('heading', { name: '开始使用' }).waitFor();
        const stored = await ledger(welcome, async (all) => ({
          settings: Object.fromEntries((await all('settings')).map((s) => [s.key, s.value])),
          policies: (await all('policies')).map((p) => [p.type, p.enabled]),
        }));
        assertEqual(stored.settings.shop, { platform: 'tmall' }, 'the platform where the options page keeps it');
        assertEqual(
          stored.settings.workingHours,
          { days: [1, 2, 3, 4, 5], start: '08:30', end: '18:00' },
          'the working hours',
        );
        assertEqual(
          stored.policies,
          [
            ['seven-day', true],
            ['fake-3x', true],
          ],
          'the two commitments, each a dated entry of its history',
        );
        // The options page shows them (where they are edited later).
        const options = await b.context.newPage();
        await options.goto(`chrome-extension://${b.extensionId}/options.html#commitments`);
        await waitFor(() => options.getByLabel('假一赔三 开启').isChecked(), { message: '假一赔三 on in the options' });
        await options.close();
        await shot(welcome, shotsDir, 'welcome-3');
        await assertAccessible(welcome, 'the welcome page, step 3');

        // Nothing read yet: the popup says how to start, and its button opens 退款管理.
        const popup = await b.context.newPage();
        await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
        const firstRun = popup.getByTestId('first-run');
        await firstRun.waitFor();
        assertEqual(await popup.locator('[data-group], [data-testid=counts]').count(), 0, 'no empty lists');
        await shot(popup, shotsDir, 'popup-empty');
        await assertAccessible(popup, 'the popup of an empty ledger');
        const [list] = await Promise.all([
          b.context.waitForEvent('page'),
          firstRun.getByRole('button', { name: '打开退款管理' }).click(),
        ]);
        await waitFor(() => list.url().startsWith(REFUND_LIST), { message: `the new tab on ${REFUND_LIST}` });
        await list.close();

        // The welcome page's last step goes there too, and the list is read.
        await welcome.bringToFront();
        await welcome.getByRole('link', { name: '打开退款管理' }).click();
        await waitFor(() => welcome.url().startsWith(REFUND_LIST), { message: 'the welcome tab on 退款管理' });
        await waitFor(async () => (await badges(welcome)).length > 0 && (await sidebar(welcome)).ids?.length, {
          message: 'badges and the sidebar on the list',
          timeout: 20000,
        });
      } finally {
        await b.close();
      }
    },
  );
}
