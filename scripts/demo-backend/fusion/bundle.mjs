// Bundles the demo's Fusion list (list.jsx + React + @alifd/next from node_modules) with esbuild, with
// no network, into scripts/demo-backend/.build/ (gitignored); the demo backend serves it with Fusion's
// own stylesheet (without its reset, which would restyle the rest of the demo page). Rebuilt when the bundle is older than its source or the installed libraries.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const OUT_DIR = path.join(here, '..', '.build');
const OUT = path.join(OUT_DIR, 'fusion-list.js');
const ENTRY = path.join(here, 'list.jsx');

function newestInput() {
  const inputs = [ENTRY, require.resolve('@alifd/next/package.json'), require.resolve('react-dom/package.json')];
  return Math.max(...inputs.map((f) => fs.statSync(f).mtimeMs));
}

/** The bundle's text and Fusion's stylesheet, building the bundle if it is missing or stale. */
export async function fusionAssets() {
  // Without the icon font's @font-face: it lives on a CDN, and the demo makes no request off the machine.
  const css = fs
    .readFileSync(require.resolve('@alifd/next/dist/next-noreset.min.css'), 'utf8')
    .replace(/@font-face\{[^}]*at\.alicdn\.com[^}]*\}/g, '');
  if (fs.existsSync(OUT) && fs.statSync(OUT).mtimeMs >= newestInput()) return { js: fs.readFileSync(OUT, 'utf8'), css };
  const js = await bundleReact(ENTRY);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  // Written to a temp name first: several demo backends may start at once.
  const tmp = `${OUT}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, js);
  fs.renameSync(tmp, OUT);
  return { js, css };
}

/** A React app (JSX, the react runtime, not the project's preact) bundled for Chromium, as text. */
export async function bundleReact(entry) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'react', // not the project's preact (tsconfig.json)
    tsconfigRaw: {},
    minify: true,
    charset: 'utf8',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}
