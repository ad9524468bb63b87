// Meta-tests: which module may import which (docs/architecture.md, "Which module may import which").
// Every import counts, type-only ones too: a type that needs a module above its own is in the wrong place.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const p = join(dir, name);
    return statSync(join(ROOT, p)).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}
const code = (p: string) =>
  readFileSync(join(ROOT, p), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
const isFile = (p: string) => {
  try {
    return statSync(join(ROOT, p)).isFile();
  } catch {
    return false;
  }
};

/** The project files a file imports (static, dynamic, `new URL(…)` workers, re-exports; types included). */
export function importsOf(file: string): string[] {
  const specs = [
    ...code(file).matchAll(/(?:^|\s)(?:import|export)\s[^;]*?from\s+'([^']+)'/gm),
    ...code(file).matchAll(/(?:import\(|new URL\()\s*'([^']+)'/g),
  ].map((m) => m[1]!);
  return specs.flatMap((spec) => {
    if (!spec.startsWith('.')) return [];
    const base = join(file, '..', spec);
    const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find(isFile);
    return found ? [relative(ROOT, join(ROOT, found))] : [];
  });
}

const SOURCES = [...files('lib'), ...files('entrypoints')];
const GRAPH = new Map(SOURCES.map((f) => [f, importsOf(f)]));

/** Each import cycle once, as the files around it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const to of graph.get(f) ?? []) {
      if (state.get(to) === 'open') found.push([...stack.slice(stack.indexOf(to)), to]);
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe('module layers', () => {
  it('reads the sources', () => {
    expect(GRAPH.size).toBeGreaterThan(100);
    expect(GRAPH.get('lib/export/ledger.worker.ts')).toContain('lib/storage/db.ts');
  });

  it('has no import cycle', () => {
    expect(cycles(GRAPH).map((c) => c.join(' → '))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c', 'a']]);
  });

  // The layers, lowest first: a module imports only from its own layer's directory and those below.
  const BELOW: Record<string, string[]> = {
    'lib/shared': [],
    'lib/engine': ['lib/shared'],
    'lib/page': ['lib/shared'],
    'lib/storage': ['lib/shared', 'lib/engine', 'lib/page'],
    'lib/replies': ['lib/shared', 'lib/engine', 'lib/storage'],
    'lib/export': ['lib/shared', 'lib/engine', 'lib/storage'],
    'lib/sync': ['lib/shared', 'lib/engine', 'lib/page', 'lib/storage'],
  };
  it.each(Object.keys(BELOW))(
    '%s imports only from the layers below it (storage and export never import ui)',
    (dir) => {
      const wrong = [...GRAPH]
        .filter(([f]) => f.startsWith(`${dir}/`))
        .flatMap(([f, to]) => to.filter((t) => !t.startsWith(`${dir}/`)).map((t) => `${f} → ${t}`))
        .filter((edge) => !BELOW[dir]!.some((d) => edge.split(' → ')[1]!.startsWith(`${d}/`)));
      expect(wrong).toEqual([]);
    },
  );
});

describe('messages', () => {
  // Each message type fixes its reply type (lib/messaging/protocol.ts ReplyValues): a caller never chooses it.
  it.each(SOURCES.filter((f) => f !== 'lib/messaging/client.ts'))('%s sends without choosing a reply type', (f) => {
    expect(code(f)).not.toMatch(/\b(send|ask)<|runtime\.sendMessage</);
  });
});
