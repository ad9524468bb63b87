// Types for scripts/system-deps.mjs (plain JavaScript: .ci/run runs it before `npm ci`).
type Run = (cmd: string, args: string[], opts?: object) => { status: number | null; stdout?: string; error?: Error };
export interface Found {
  platform: string;
  isRoot: boolean;
  distro: 'debian' | 'ubuntu' | undefined;
  chromiumOverride: string | undefined;
  chromium: boolean;
  cjkFont: boolean;
  openssl: boolean;
  /** Firefox ESR (left out: not looked for). */
  firefox?: boolean;
}
export type Plan =
  | { action: 'none' }
  | { action: 'install'; packages: string[]; commands: string[][] }
  | { action: 'stop'; message: string };
export function findChromium(opts?: {
  env?: Record<string, string | undefined>;
  platform?: string;
  exists?: (p: string) => boolean;
}): string | undefined;
export function findFirefox(opts?: {
  env?: Record<string, string | undefined>;
  exists?: (p: string) => boolean;
}): string | undefined;
export function hasCjkFont(opts?: { platform?: string; run?: Run }): boolean;
export function hasOpenssl(opts?: { run?: Run }): boolean;
export function aptDistro(osRelease: string): 'debian' | 'ubuntu' | undefined;
export function planSystemDeps(found: Found): Plan;
export function probeMachine(opts?: { env?: Record<string, string | undefined>; platform?: string }): Found;
export function ensureSystemDeps(opts?: {
  dryRun?: boolean;
  found?: Found;
  run?: Run;
  log?: (line: string) => void;
}): boolean;
