// The store packages' rules (scripts/package-check.mjs, run by `npm run zip`): least privilege and no
// remote or generated code in the Chrome/Edge package.
import { describe, expect, it } from 'vitest';
import { codeProblems, manifestProblems, SELLER_PATTERNS } from '../../../scripts/package-check.mjs';

const good = {
  manifest_version: 3,
  version: '0.1.0',
  permissions: ['storage', 'alarms', 'notifications'],
  host_permissions: [...SELLER_PATTERNS],
  optional_host_permissions: ['*://*/*'],
  web_accessible_resources: [{ resources: ['sidebar.html'], matches: [...SELLER_PATTERNS] }],
};

describe('the Chrome/Edge package', () => {
  it('passes with the three permissions, the seller hosts and the one optional pattern', () => {
    expect(manifestProblems(good, '0.1.0')).toEqual([]);
  });

  it('fails on another version, a permission more, a host more, a loosened policy, a wider sidebar', () => {
    expect(manifestProblems(good, '0.2.0')).toEqual(['version 0.1.0, package.json says 0.2.0']);
    expect(manifestProblems({ ...good, permissions: [...good.permissions, 'tabs'] }, '0.1.0')).toHaveLength(1);
    expect(manifestProblems({ ...good, host_permissions: ['<all_urls>'] }, '0.1.0')).toHaveLength(1);
    expect(
      manifestProblems(
        { ...good, content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" } },
        '0.1.0',
      ),
    ).toHaveLength(1);
    expect(
      manifestProblems(
        { ...good, web_accessible_resources: [{ resources: ['sidebar.html'], matches: ['<all_urls>'] }] },
        '0.1.0',
      ),
    ).toHaveLength(1);
    expect(manifestProblems({ ...good, externally_connectable: { matches: ['https://x/*'] } }, '0.1.0')).toHaveLength(
      1,
    );
  });

  it('finds eval, the Function constructor and scripts from elsewhere, not words that look like them', () => {
    const files = (text: string, name = 'a.js') => new Map([[name, Buffer.from(text)]]);
    expect(codeProblems(files('x=1;return n.push(e),Function.apply(null,n).apply(null,r)'))).toEqual([
      'a.js: the Function constructor',
    ]);
    expect(codeProblems(files('var f = new Function("return 1")'))).toHaveLength(1);
    expect(codeProblems(files('eval("1")'))).toEqual(['a.js: eval(']);
    expect(codeProblems(files('importScripts("https://cdn.example/x.js")'))).toHaveLength(1);
    expect(codeProblems(files('<script src="https://cdn.example/x.js"></script>', 'p.html'))).toHaveLength(1);
    expect(codeProblems(files('obj.evaluate(x); isFunction(y); myeval(z); typeof e=="function"'))).toEqual([]);
    expect(codeProblems(files('<script type="module" src="./chunks/p.js"></script>', 'p.html'))).toEqual([]);
  });
});
