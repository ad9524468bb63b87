// @vitest-environment happy-dom
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/page/read';
import { FIXTURES, fixtureDocument, loadFixture } from '../fixtures';

const run = (...args: string[]) => execFileSync(join(process.cwd(), 'node_modules', '.bin', 'tsx'), [join(process.cwd(), 'scripts', 'inspect.ts'), ...args], { encoding: 'utf8' });

describe('npm run inspect -- page', () => {
  it('prints what the extension reads from a saved page', () => {
    const f = loadFixture('refund-detail.tmall');
    const out = JSON.parse(run('page', join(FIXTURES, 'refund-detail.tmall.html'), '--url', f.url, '--now', new Date(f.capturedAt).toISOString()));
    const expected = readPage(fixtureDocument(f.html), { url: f.url, now: f.capturedAt });
    expect(out).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(out.cases[0].pageDeadline.at).toMatch(/\+08:00$/);
  });

  it('explains a missing --url instead of guessing', () => {
    expect(() => run('page', join(FIXTURES, 'refund-list.taobao.html'))).toThrow(/--url is required/);
  });
});
