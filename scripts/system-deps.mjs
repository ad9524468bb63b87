// What `npm run demo` and `npm test` need from the machine besides Node: a Chromium that loads unpacked
// extensions from the command line, a CJK font (the seller pages and the sidebar are Chinese; without
// one every screenshot shows boxes) and openssl (the demo backend's certificate); on Debian also
// Firefox ESR (`firefox-esr`) for the Firefox end-to-end checks (`npm run test:firefox`), which is
// installed with the rest when root but never stops anything when it cannot be. Checked before either
// command starts, and by .ci/run. Where something is missing and we run as root on Debian or Ubuntu, it
// is installed with apt-get (saying so); anywhere else we stop with the exact command to run.
//   node scripts/system-deps.mjs [--dry-run]
// $CHROMIUM_PATH overrides where Chromium is looked for. Only Node built-ins here: .ci/run calls this
// before `npm ci`.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** Where each platform's Chromium (or Chrome for Testing) usually lives. */
const CHROMIUM_CANDIDATES = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
  ],
  win32: [],
};

/**
 * The Chromium to launch: $CHROMIUM_PATH when set (whether or not it exists: an override that points
 * nowhere is reported, not silently replaced), else the first usual place that exists.
 * @returns {string | undefined}
 */
export function findChromium({ env = process.env, platform = process.platform, exists = fs.existsSync } = {}) {
  if (env.CHROMIUM_PATH) return exists(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  return (CHROMIUM_CANDIDATES[platform] ?? []).find((p) => exists(p));
}

/** Where Debian's Firefox ESR lives ($FIREFOX_PATH overrides, as CHROMIUM_PATH does). */
export function findFirefox({ env = process.env, exists = fs.existsSync } = {}) {
  if (env.FIREFOX_PATH) return exists(env.FIREFOX_PATH) ? env.FIREFOX_PATH : undefined;
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => exists(p));
}

/** Whether fontconfig knows a font covering Chinese (Linux only; macOS and Windows ship one). */
export function hasCjkFont({ platform = process.platform, run = spawnSync } = {}) {
  if (platform !== 'linux') return true;
  const r = run('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && String(r.stdout).trim() !== '';
}

export function hasOpenssl({ run = spawnSync } = {}) {
  return run('openssl', ['version'], { encoding: 'utf8' }).status === 0;
}

/** 'debian' | 'ubuntu' | undefined, from /etc/os-release (ID, then ID_LIKE). */
export function aptDistro(osRelease) {
  const field = (name) => osRelease.match(new RegExp(`^${name}="?([^"\\n]*)"?$`, 'm'))?.[1] ?? '';
  const ids = `${field('ID')} ${field('ID_LIKE')}`.split(/\s+/);
  if (ids.includes('ubuntu')) return 'ubuntu';
  if (ids.includes('debian')) return 'debian';
  return undefined;
}

/**
 * What to do, from what was found. Pure, so every branch is unit-tested.
 * @param {{ platform: string, isRoot: boolean, distro: 'debian' | 'ubuntu' | undefined,
 *   chromiumOverride: string | undefined, chromium: boolean, cjkFont: boolean, openssl: boolean }} found
 * @returns {{ action: 'none' } | { action: 'install', packages: string[], commands: string[][] }
 *   | { action: 'stop', message: string }}
 */
export function planSystemDeps(found) {
  const { platform, isRoot, distro, chromiumOverride, chromium, cjkFont, openssl } = found;
  // Firefox ESR is wanted only where it is one apt-get away (Debian, as root); elsewhere its checks say it is missing.
  const firefoxEsr = found.firefox === false && distro === 'debian' && isRoot;
  if (chromium && cjkFont && openssl && !firefoxEsr) return { action: 'none' };
  if (!chromium && chromiumOverride) {
    return {
      action: 'stop',
      message: `CHROMIUM_PATH=${chromiumOverride} does not exist: point it at a Chromium binary, or unset it.`,
    };
  }
  if (distro) {
    // Ubuntu's chromium-browser installs the snap, which needs snapd (not in most containers).
    const packages = [
      ...(chromium ? [] : [distro === 'ubuntu' ? 'chromium-browser' : 'chromium']),
      ...(cjkFont ? [] : ['fonts-wqy-zenhei']),
      ...(openssl ? [] : ['openssl']),
      ...(firefoxEsr ? ['firefox-esr'] : []),
    ];
    const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...packages];
    if (isRoot) return { action: 'install', packages, commands: [['apt-get', 'update'], install] };
    return {
      action: 'stop',
      message: `Missing: ${packages.join(', ')}. Install them, then run the command again:\n  sudo apt-get update && sudo ${install.join(' ')}`,
    };
  }
  const lines = [];
  if (!chromium) {
    lines.push(
      platform === 'linux'
        ? 'Chromium not found: install your distribution\'s "chromium" package, or set CHROMIUM_PATH to a Chromium binary.'
        : 'Chromium not found: install Chrome for Testing (npx @puppeteer/browsers install chrome@stable) or Chromium, and set\n' +
            'CHROMIUM_PATH to its binary. Branded Google Chrome no longer loads unpacked extensions from the command line.',
    );
  }
  if (!cjkFont) lines.push('No CJK font: install one that covers Chinese (e.g. WenQuanYi Zen Hei, Noto Sans CJK SC).');
  if (!openssl) lines.push('openssl not found: install it (the demo backend makes its certificate with it).');
  return { action: 'stop', message: lines.join('\n') };
}

/** What this machine has, as planSystemDeps wants it. */
export function probeMachine({ env = process.env, platform = process.platform } = {}) {
  let osRelease = '';
  try {
    osRelease = fs.readFileSync('/etc/os-release', 'utf8');
  } catch {
    // not Linux, or a Linux without os-release: no apt-get either way
  }
  return {
    platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    distro: platform === 'linux' ? aptDistro(osRelease) : undefined,
    chromiumOverride: env.CHROMIUM_PATH || undefined,
    chromium: findChromium({ env, platform }) !== undefined,
    cjkFont: hasCjkFont({ platform }),
    openssl: hasOpenssl(),
    firefox: findFirefox({ env }) !== undefined,
  };
}

/**
 * Check, and install or stop as planned. Returns true when the machine is ready; with `dryRun`, says
 * what it would do and installs nothing.
 */
export function ensureSystemDeps({ dryRun = false, found = probeMachine(), run = spawnSync, log = console.log } = {}) {
  const plan = planSystemDeps(found);
  if (plan.action === 'none') return true;
  if (plan.action === 'stop') {
    log(`\n${plan.message}\n`);
    return false;
  }
  log(
    `installing what this machine lacks: ${plan.packages.join(', ')} (${plan.commands.map((c) => c.join(' ')).join(' && ')})`,
  );
  if (dryRun) return true;
  for (const [cmd, ...args] of plan.commands) {
    const r = run(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) {
      log(`\`${[cmd, ...args].join(' ')}\` failed (exit ${r.status ?? r.error?.message}).`);
      return false;
    }
  }
  return true;
}

if (process.argv[1] && import.meta.url === new URL(`file://${fs.realpathSync(process.argv[1])}`).href) {
  process.exit(ensureSystemDeps({ dryRun: process.argv.includes('--dry-run') }) ? 0 : 1);
}
