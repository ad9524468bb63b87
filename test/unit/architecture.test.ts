// Meta-tests: the conventions the codebase relies on.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
function files(dir: string, ext = /\.(ts|tsx)$/): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const p = join(dir, name);
    return statSync(join(ROOT, p)).isDirectory() ? files(p, ext) : ext.test(name) ? [p] : [];
  });
}
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const code = (p: string) =>
  read(p)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');

describe('the engine is pure', () => {
  const engine = files('lib/engine');
  it('has files', () => expect(engine.length).toBeGreaterThan(4));

  it.each(engine)('%s imports only the engine and the shared plain types and China-time helpers', (f) => {
    for (const m of read(f).matchAll(/from\s+'([^']+)'/g)) {
      const target = relative(ROOT, join(ROOT, f, '..', m[1]!));
      expect(
        target.startsWith('lib/engine') || target === 'lib/shared/types' || target === 'lib/shared/china-time',
        `${f} imports ${m[1]}`,
      ).toBe(true);
    }
  });

  it.each(engine)('%s never reads the clock or touches the browser', (f) => {
    const src = code(f);
    expect(src).not.toMatch(/Date\.now\(|new Date\(\s*\)|performance\.now|setTimeout|setInterval/);
    expect(src).not.toMatch(/\b(document|window|browser|chrome|localStorage|indexedDB|fetch|navigator)\b\s*[.(]/);
  });
});

describe('page text is never turned into markup', () => {
  const all = [...files('lib'), ...files('entrypoints')];
  it.each(all)('%s uses no innerHTML, outerHTML, insertAdjacentHTML or dangerouslySetInnerHTML', (f) => {
    expect(code(f)).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/);
  });
  it.each(all)('%s evaluates no code', (f) => {
    expect(code(f)).not.toMatch(/\beval\(|new Function\(/);
  });
});

describe('page knowledge lives in lib/page', () => {
  it.each([
    ...files('lib/engine'),
    ...files('lib/storage'),
    ...files('lib/messaging'),
    ...files('lib/ui'),
    ...files('entrypoints'),
  ])('%s does not hard-code seller-backend labels or hosts', (f) => {
    expect(code(f)).not.toMatch(/taobao\.com|tmall\.com/);
  });
});

describe('the content script carries no validation library', () => {
  // The protocol's schemas (valibot) belong to the background; once one of them was kept in the page's
  // bundle by a value import and added ~7 KB to every seller page.
  it.each(files('entrypoints/seller.content'))('%s takes only types from the message protocol', (f) => {
    for (const m of read(f).matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gm)) {
      if (/messaging\/protocol|valibot/.test(m[2]!)) expect(m[1], `${f} imports ${m[2]}`).toBeTruthy();
    }
  });
  it.each(files('lib/page'))('%s imports nothing of the messaging layer', (f) => {
    for (const m of read(f).matchAll(/from\s+'([^']+)'/g))
      expect(m[1], `${f} imports ${m[1]}`).not.toMatch(/messaging|valibot/);
  });
});

describe('the file-format libraries stay out of the page and the background', () => {
  // write-excel-file and csv-stringify (~110 KB) are for exports, made in the options page and the popup.
  const LIBS = /^(csv-stringify|write-excel-file)(\/|$)/;
  /** Every source file a file reaches by static imports (dynamic `import()` is not followed: it loads on demand). */
  function reached(entry: string, seen = new Set<string>()): Set<string> {
    if (seen.has(entry)) return seen;
    seen.add(entry);
    for (const m of code(entry).matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm)) {
      const spec = m[1]!;
      if (!spec.startsWith('.')) {
        seen.add(spec);
        continue;
      }
      const base = join(entry, '..', spec);
      const file = ['.ts', '.tsx', '/index.ts']
        .map((ext) => base + ext)
        .find((p) => {
          try {
            return statSync(join(ROOT, p)).isFile();
          } catch {
            return false;
          }
        });
      if (file) reached(relative(ROOT, join(ROOT, file)), seen);
    }
    return seen;
  }
  it.each([
    'entrypoints/seller.content/index.ts',
    'entrypoints/background/index.ts',
    'entrypoints/sidebar/main.tsx',
    'entrypoints/popup/main.tsx',
    'entrypoints/options/main.tsx',
  ])('%s does not load them by a static import', (entry) => {
    const all = [...reached(entry)];
    expect(all.length).toBeGreaterThan(3);
    expect(all.filter((m) => LIBS.test(m) || m === 'lib/export/files.ts')).toEqual([]);
  });
  // Team sync's replication engine (PouchDB, ~110 KB) runs in the service worker only.
  it.each([
    'entrypoints/seller.content/index.ts',
    'entrypoints/sidebar/main.tsx',
    'entrypoints/popup/main.tsx',
    'entrypoints/options/main.tsx',
  ])('%s does not load the replication engine', (entry) => {
    expect([...reached(entry)].filter((m) => /^pouchdb/.test(m) || m === 'lib/sync/replicator.ts')).toEqual([]);
  });
  it('the background loads it, for team sync', () => {
    expect([...reached('entrypoints/background/index.ts')]).toContain('pouchdb-core');
  });
  it('the export writers load on demand only: in the ledger export worker, and by the 日报 when asked', () => {
    expect(code('lib/ui/ledger-export.tsx')).toMatch(/new Worker\(new URL\('\.\.\/export\/ledger\.worker\.ts'/);
    expect([...reached('lib/export/ledger.worker.ts')]).toContain('lib/export/files.ts');
    expect(code('entrypoints/report/Report.tsx')).toMatch(/import\('\.\.\/\.\.\/lib\/export\/files'\)/);
  });
});
