// The store packages, checked after `npm run zip` made them (`npm run zip` runs this last):
// - Chrome / Edge (`.output/*-chrome.zip`): MV3, the version of package.json, least privilege (the three
//   permissions, the four seller hosts, the one optional host pattern team sync asks for at run time,
//   justified in store/), the sidebar web-accessible to the seller hosts only, and no remote or generated
//   code (no eval, no Function constructor, no script from elsewhere);
// - Firefox (`.output/*-firefox.zip`): Mozilla's linter (addons-linter, what `web-ext lint` runs) reports
//   0 errors, 0 warnings and 0 notices, and the version of package.json;
// - the sources archive (`.output/*-sources.zip`) Mozilla's reviewers build from.
//   node scripts/package-check.mjs      (exit 1 with the reasons when a rule is broken)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { SELLER_HOSTS } from './chromium.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The files of a zip archive, by name (stored or deflated entries: what WXT writes). */
export function readZip(buffer) {
  const files = new Map();
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(start, start + size);
    if (!name.endsWith('/')) files.set(name, method === 8 ? zlib.inflateRawSync(raw) : raw);
    at += 46 + nameLength + extra;
  }
  return files;
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
export const SELLER_PATTERNS = SELLER_HOSTS.map((h) => `https://${h}/*`);

/** What breaks the Chrome Web Store's rules or our least privilege in a Chrome MV3 manifest. */
export function manifestProblems(m, version) {
  const problems = [];
  if (m.manifest_version !== 3) problems.push(`manifest_version ${m.manifest_version}, not 3`);
  if (m.version !== version) problems.push(`version ${m.version}, package.json says ${version}`);
  if (!same([...(m.permissions ?? [])].sort(), ['alarms', 'notifications', 'storage']))
    problems.push(`permissions ${JSON.stringify(m.permissions)}: only storage, alarms, notifications`);
  if (!same([...(m.host_permissions ?? [])].sort(), [...SELLER_PATTERNS].sort()))
    problems.push(`host_permissions ${JSON.stringify(m.host_permissions)}: only the seller hosts`);
  if (!same(m.optional_host_permissions ?? [], ['*://*/*']))
    problems.push(
      `optional_host_permissions ${JSON.stringify(m.optional_host_permissions)}: the one pattern for team sync`,
    );
  if (m.optional_permissions?.length) problems.push(`optional_permissions ${JSON.stringify(m.optional_permissions)}`);
  for (const w of m.web_accessible_resources ?? [])
    if (!same(w.resources, ['sidebar.html']) || !same([...w.matches].sort(), [...SELLER_PATTERNS].sort()))
      problems.push(`web_accessible_resources ${JSON.stringify(w)}: only sidebar.html, for the seller hosts`);
  const csp = JSON.stringify(m.content_security_policy ?? '');
  if (/unsafe-eval|https?:|wasm-unsafe/.test(csp)) problems.push(`content_security_policy loosened: ${csp}`);
  for (const key of ['externally_connectable', 'update_url', 'key'])
    if (key in m) problems.push(`${key} in the manifest (the store sets it, or it opens the extension to others)`);
  return problems;
}

/** Remote or generated code in a package's files: eval, the Function constructor, scripts from elsewhere. */
export function codeProblems(files) {
  const problems = [];
  for (const [name, content] of files) {
    const text = content.toString('utf8');
    if (name.endsWith('.js')) {
      if (/(?<![\w$.])eval\s*\(/.test(text)) problems.push(`${name}: eval(`);
      if (/(?<![\w$])(new\s+Function\s*\(|Function\s*\.\s*(apply|call)\s*\(|Function\s*\(\s*["'`])/.test(text))
        problems.push(`${name}: the Function constructor`);
      if (/importScripts\s*\(|import\s*\(\s*["'`](https?:)?\/\//.test(text))
        problems.push(`${name}: a script loaded from elsewhere`);
    }
    if (name.endsWith('.html') && /<script[^>]+src=["'](https?:)?\/\//i.test(text))
      problems.push(`${name}: a script from elsewhere`);
  }
  return problems;
}

/** Mozilla's linter over the Firefox package: its findings as lines. */
export async function mozillaLint(file) {
  const { default: linter } = await import('addons-linter');
  const instance = linter.createInstance({
    config: { _: [file], logLevel: 'fatal', stack: false, pretty: false, warningsAsErrors: false, metadata: false },
    config2: undefined,
    runAsBinary: false,
  });
  instance.config.output = 'none';
  const report = await instance.run();
  return ['errors', 'warnings', 'notices'].flatMap((kind) =>
    report[kind].map((m) => `addons-linter ${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''} ${m.message}`),
  );
}

async function main() {
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  const out = path.join(ROOT, '.output');
  const find = (suffix) => {
    const file = path.join(out, `aftersales-radar-${version}-${suffix}.zip`);
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} missing: run \`npm run zip\``);
    return file;
  };
  const problems = [];
  const chrome = readZip(fs.readFileSync(find('chrome')));
  problems.push(...manifestProblems(JSON.parse(chrome.get('manifest.json').toString('utf8')), version));
  problems.push(...codeProblems(chrome).map((p) => `chrome: ${p}`));
  const firefoxFile = find('firefox');
  const firefox = readZip(fs.readFileSync(firefoxFile));
  const fm = JSON.parse(firefox.get('manifest.json').toString('utf8'));
  if (fm.version !== version) problems.push(`firefox: version ${fm.version}, package.json says ${version}`);
  problems.push(...codeProblems(firefox).map((p) => `firefox: ${p}`));
  problems.push(...(await mozillaLint(firefoxFile)));
  const sources = readZip(fs.readFileSync(find('sources')));
  for (const need of ['package.json', 'package-lock.json', 'wxt.config.ts', 'store/SOURCES.md'])
    if (!sources.has(need)) problems.push(`sources: ${need} missing`);
  for (const name of sources.keys())
    if (/^(node_modules|\.output|\.ci-out|demo-shots)\//.test(name))
      problems.push(`sources: ${name} should not be there`);
  for (const f of ['chrome', 'firefox', 'sources'])
    console.log(`${path.relative(ROOT, find(f))}: ${(fs.statSync(find(f)).size / 1024).toFixed(0)} KB`);
  if (problems.length) {
    console.log(`package check: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(
    `package check: version ${version}; Chrome/Edge least privilege and no remote code; addons-linter 0 errors, 0 warnings`,
  );
}

if (process.argv[1] && import.meta.url === new URL(`file://${fs.realpathSync(process.argv[1])}`).href) await main();
