import { describe, expect, it } from 'vitest';
import {
  aptDistro,
  ensureSystemDeps,
  findChromium,
  hasCjkFont,
  planSystemDeps,
} from '../../../scripts/system-deps.mjs';

const ready = {
  platform: 'linux',
  isRoot: true,
  distro: 'debian',
  chromiumOverride: undefined,
  chromium: true,
  cjkFont: true,
  openssl: true,
} as const;

describe('system dependencies of `npm test` and `npm run demo`', () => {
  it('does nothing on a machine that has everything', () => {
    expect(planSystemDeps(ready)).toEqual({ action: 'none' });
  });

  it('installs what is missing with apt-get when root on Debian, and says so', () => {
    const plan = planSystemDeps({ ...ready, chromium: false, cjkFont: false });
    expect(plan).toEqual({
      action: 'install',
      packages: ['chromium', 'fonts-wqy-zenhei'],
      commands: [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'fonts-wqy-zenhei'],
      ],
    });
    const ran: string[] = [];
    const said: string[] = [];
    const ok = ensureSystemDeps({
      found: { ...ready, chromium: false, cjkFont: false },
      run: (cmd: string, args: string[]) => (ran.push([cmd, ...args].join(' ')), { status: 0 }),
      log: (line: string) => said.push(line),
    });
    expect(ok).toBe(true);
    expect(ran).toEqual(['apt-get update', 'apt-get install -y --no-install-recommends chromium fonts-wqy-zenhei']);
    expect(said.join('\n')).toContain('installing what this machine lacks: chromium, fonts-wqy-zenhei');
  });

  it('stops when apt-get fails', () => {
    const said: string[] = [];
    const ok = ensureSystemDeps({
      found: { ...ready, openssl: false },
      run: () => ({ status: 100 }),
      log: (l: string) => said.push(l),
    });
    expect(ok).toBe(false);
    expect(said.at(-1)).toContain('failed (exit 100)');
  });

  it('names the exact command when not root, and installs nothing', () => {
    const plan = planSystemDeps({ ...ready, isRoot: false, cjkFont: false });
    expect(plan).toEqual({
      action: 'stop',
      message:
        'Missing: fonts-wqy-zenhei. Install them, then run the command again:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends fonts-wqy-zenhei',
    });
    const ran: string[] = [];
    expect(
      ensureSystemDeps({
        found: { ...ready, isRoot: false, chromium: false },
        run: (c: string) => (ran.push(c), { status: 0 }),
        log: () => {},
      }),
    ).toBe(false);
    expect(ran).toEqual([]);
  });

  it('installs Firefox ESR with the rest on Debian as root, and never stops for it elsewhere', () => {
    expect(planSystemDeps({ ...ready, firefox: false })).toEqual({
      action: 'install',
      packages: ['firefox-esr'],
      commands: [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', '--no-install-recommends', 'firefox-esr'],
      ],
    });
    const both = planSystemDeps({ ...ready, chromium: false, firefox: false });
    expect(both.action === 'install' && both.packages).toEqual(['chromium', 'firefox-esr']);
    expect(planSystemDeps({ ...ready, firefox: false, isRoot: false })).toEqual({ action: 'none' });
    expect(planSystemDeps({ ...ready, firefox: false, distro: 'ubuntu' })).toEqual({ action: 'none' });
    expect(planSystemDeps({ ...ready, firefox: true })).toEqual({ action: 'none' });
  });

  it('asks Ubuntu for its chromium-browser package', () => {
    const plan = planSystemDeps({ ...ready, distro: 'ubuntu', chromium: false });
    expect(plan.action === 'install' && plan.packages).toEqual(['chromium-browser']);
  });

  it('on macOS and Windows points to Chrome for Testing or Chromium, not branded Chrome', () => {
    for (const platform of ['darwin', 'win32']) {
      const plan = planSystemDeps({ ...ready, platform, distro: undefined, chromium: false });
      expect(plan.action).toBe('stop');
      expect(plan.action === 'stop' && plan.message).toMatch(
        /Chrome for Testing.*CHROMIUM_PATH.*Branded Google Chrome no longer loads unpacked extensions/s,
      );
    }
  });

  it('reports a CHROMIUM_PATH that points nowhere instead of installing another Chromium', () => {
    const plan = planSystemDeps({ ...ready, chromiumOverride: '/opt/none/chrome', chromium: false });
    expect(plan).toEqual({
      action: 'stop',
      message: 'CHROMIUM_PATH=/opt/none/chrome does not exist: point it at a Chromium binary, or unset it.',
    });
  });

  it('CHROMIUM_PATH overrides the usual places', () => {
    const exists = (p: string) => p === '/usr/bin/chromium' || p === '/opt/cft/chrome';
    expect(findChromium({ env: {}, platform: 'linux', exists })).toBe('/usr/bin/chromium');
    expect(findChromium({ env: { CHROMIUM_PATH: '/opt/cft/chrome' }, platform: 'linux', exists })).toBe(
      '/opt/cft/chrome',
    );
    expect(findChromium({ env: { CHROMIUM_PATH: '/opt/gone' }, platform: 'linux', exists })).toBeUndefined();
    expect(findChromium({ env: {}, platform: 'linux', exists: () => false })).toBeUndefined();
  });

  it('finds a CJK font through fontconfig on Linux only', () => {
    expect(hasCjkFont({ platform: 'linux', run: () => ({ status: 0, stdout: 'WenQuanYi Zen Hei\n' }) })).toBe(true);
    expect(hasCjkFont({ platform: 'linux', run: () => ({ status: 0, stdout: '' }) })).toBe(false);
    expect(hasCjkFont({ platform: 'linux', run: () => ({ status: null, stdout: '' }) })).toBe(false);
    expect(hasCjkFont({ platform: 'darwin', run: () => ({ status: 1, stdout: '' }) })).toBe(true);
  });

  it('knows Debian and Ubuntu (and their derivatives) from /etc/os-release', () => {
    expect(aptDistro('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n')).toBe('debian');
    expect(aptDistro('ID=ubuntu\nID_LIKE=debian\n')).toBe('ubuntu');
    expect(aptDistro('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe('ubuntu');
    expect(aptDistro('ID=fedora\n')).toBeUndefined();
    expect(aptDistro('')).toBeUndefined();
  });
});
