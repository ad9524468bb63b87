import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Alias } from 'vite';
import { SELLER_HOST_PATTERNS } from './lib/page/hosts';
import { storeSafe } from './scripts/build/store-safe';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: the pure engine must not see ambient browser globals.
  imports: false,
  publicDir: 'assets/public',
  manifest: ({ browser }) => ({
    name: '售后雷达 AfterSales Radar',
    short_name: '售后雷达',
    description:
      '淘宝/天猫售后倒计时、处理建议与回复助手，只读，数据只存本机。After-sales deadlines and guidance for Taobao/Tmall sellers.',
    // storage: settings; alarms: deadline reminders; notifications: warn before the platform auto-acts.
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: [...SELLER_HOST_PATTERNS],
    // Team sync (off by default): the shop's own server, asked for at run time for that one origin
    // (the options page requests exactly it; HTTPS, or http on this computer only).
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '售后雷达 AfterSales Radar' },
    // The sidebar page is framed into seller pages by the content script, and only there.
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: [...SELLER_HOST_PATTERNS] }],
    ...(browser === 'firefox'
      ? {
          // Firefox's MV2 manifest has no optional_host_permissions: the same one pattern, here.
          optional_permissions: ['*://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'aftersales-radar@aftersales-radar.local',
              // 140 (the ESR before Debian's 153): the first to read data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing is collected or transmitted: everything stays in this browser.
              data_collection_permissions: { required: ['none'] },
            },
            // Not made for Android; should it be installed there, 142 is the first to read the key above.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // The sources archive for Mozilla's reviewers: what builds the add-on, without the listing's pictures.
  zip: { excludeSources: ['store/screenshots/**'] },
  // No module-preload polyfill: it would fetch the extension's own chunks, and pages load them anyway.
  // storeSafe: no eval and no innerHTML in the bundles (scripts/build/store-safe.ts).
  vite: () => ({ plugins: [storeSafe(), preact()], build: { modulePreload: { polyfill: false } } }),
  hooks: {
    // The content scripts, which every seller page loads, take the extension API as the browser gives
    // it (WXT's own `@wxt-dev/browser`), not through webextension-polyfill: what they call returns
    // promises natively in Chrome's MV3 and in Firefox (runtime.sendMessage, runtime.connect and its
    // ports, runtime.getURL, storage.local, storage.onChanged), and their one runtime.onMessage
    // listener answers nothing. There the polyfill only set itself up: 10 KB (3 KB gzip) on every
    // seller page and a few milliseconds of script at each load. The background, whose message
    // listeners answer with promises, and the extension's own pages keep it.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias ?? [];
      const list: Alias[] = Array.isArray(alias)
        ? (alias as Alias[])
        : Object.entries(alias as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = {
        ...config.resolve,
        alias: [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...list],
      };
    },
  },
});
