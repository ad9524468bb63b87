// The support tool for "the extension read my page wrong": reads a saved page exactly as the
// extension would and prints what it read as JSON.
//
//   npm run inspect -- page <saved.html> --url <url> [--now <ISO>]
//
// Times are ISO 8601 with the +08:00 offset; --now fixes the reading time (countdowns are relative
// to it; default: the file's modification time, i.e. when the page was saved).
import { readFileSync, statSync } from 'node:fs';
import { Window } from 'happy-dom';
import { readPage } from '../lib/page/read';

function usage(message?: string): never {
  if (message) console.error(`inspect: ${message}`);
  console.error('usage: npm run inspect -- page <saved.html> --url <url> [--now <ISO>]');
  process.exit(2);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) usage(`${name} needs a value`);
  return v;
}

function inspectPage(html: string, url: string, now: number) {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  const document = window.document as unknown as Document;
  document.write(html);
  const reading = readPage(document, { url, now });
  window.happyDOM.abort();
  return reading;
}

const [command, file, ...rest] = process.argv.slice(2);
if (command !== 'page') usage(command ? `unknown command ${command}` : undefined);
if (!file) usage('no file');
const url = option(rest, '--url') ?? usage('--url is required: the address the page was saved from');
const nowText = option(rest, '--now');
let html: string;
try {
  html = readFileSync(file, 'utf8');
} catch (e) {
  usage(`cannot read ${file}: ${(e as Error).message}`);
}
const now = nowText ? Date.parse(nowText) : statSync(file).mtimeMs;
if (!Number.isFinite(now)) usage(`--now is not a time: ${nowText}`);
try {
  new URL(url);
} catch {
  usage(`--url is not a URL: ${url}`);
}
console.log(JSON.stringify(inspectPage(html, url, now), null, 2));
