/**
 * A build step for the store packages: two library paths that could run a string as code or as markup
 * are cut out of the bundles, so the packages hold no eval and no innerHTML (Mozilla's linter reports
 * both, and the Chrome Web Store forbids remote or generated code). Neither is used by the extension:
 * - pouchdb-utils' `scopeEval` (`Function(...)`), which PouchDB calls only for filters and views given as
 *   strings (design documents); team sync uses neither. It now throws.
 * - Preact's `dangerouslySetInnerHTML`, which none of our components uses (page text is only ever text).
 *   It now throws.
 * Each cut must be found in the module it targets: a library upgrade that changes them fails the build
 * rather than silently shipping the code again.
 */
import type { Plugin } from 'vite';

interface Cut {
  module: RegExp;
  find: RegExp;
  replace: string;
}

const CUTS: Cut[] = [
  {
    module: /[\\/]pouchdb-utils[\\/]lib[\\/]index-browser(\.es)?\.js$/,
    find: /return Function\.apply\(null, keys\)\.apply\(null, values\);/,
    replace: "throw new Error('string code is never run by this extension');",
  },
  {
    module: /[\\/]preact[\\/]dist[\\/]preact\.mjs$/,
    find: /\((\w+)\.innerHTML=(\w+)\.__html\)/,
    replace: "(()=>{throw new Error('dangerouslySetInnerHTML is not used by this extension')})()",
  },
];

export function storeSafe(): Plugin {
  return {
    name: 'aftersales-radar:store-safe',
    enforce: 'pre',
    transform(code, id) {
      const cut = CUTS.find((c) => c.module.test(id.split('?')[0] ?? id));
      if (!cut) return null;
      if (!cut.find.test(code))
        throw new Error(`store-safe: ${cut.find} no longer in ${id}; check the library upgrade`);
      return { code: code.replace(cut.find, cut.replace), map: null };
    },
  };
}
