// Launch Chromium with the built extension loaded and the seller hosts mapped to the demo backend.
// Shared by `npm run demo`, the end-to-end tests and the benchmarks. Never downloads a browser: it
// uses the one scripts/system-deps.mjs finds ($CHROMIUM_PATH, else /usr/bin/chromium …).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './system-deps.mjs';

export const SELLER_HOSTS = ['myseller.taobao.com', 'qn.taobao.com', 'refund2.taobao.com', 'refund2.tmall.com'];

export function chromiumPath() {
  const found = findChromium();
  if (!found)
    throw new Error(
      'Chromium not found: run `node scripts/system-deps.mjs` to see how to get it, or set CHROMIUM_PATH',
    );
  return found;
}

/**
 * @param {{ extensionPath?: string, port: number, headless?: boolean, width?: number, height?: number }} opts
 * extensionPath undefined launches without the extension (for overhead baselines).
 */
export async function launchBrowser({
  extensionPath,
  port,
  headless = true,
  width = 1440,
  height = 900,
  profile: keep,
}) {
  // A given profile folder is kept (a browser restart); otherwise a fresh one is made and removed on close.
  const profile = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'radar-profile-'));
  const rules = SELLER_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ');
  const args = [
    `--host-resolver-rules=${rules}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--lang=zh-CN',
    `--window-size=${width},${height}`,
  ];
  if (headless) args.unshift('--headless=new');
  if (extensionPath) args.push(`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: false, // --headless=new is passed above when wanted
    ignoreDefaultArgs: ['--disable-extensions'],
    args,
    viewport: { width, height },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  let extensionId;
  let worker;
  if (extensionPath) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
    extensionId = new URL(worker.url()).host;
  }
  const close = async () => {
    await context.close().catch(() => {});
    if (!keep) fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, extensionId, worker, profile, close };
}
