// The support tool for "the extension read my page wrong" and "why does it say that":
//
//   npm run inspect -- page <saved.html> --url <url> [--now <ISO>] [--settings <file.json>]
//       reads a saved page exactly as the extension would; prints what it read, each case with where
//       each field came from ("provenance": the strategy, and per field the label, column or heading)
//       and its assessment
//   npm run inspect -- case <case.json> --now <ISO> [--settings <file.json>]
//       prints { "assessment": … } for one case in the snapshot's JSON shape
//
// Times are ISO 8601 with the +08:00 offset. --now fixes the reading time (countdowns are relative
// to it; default for a page: the file's modification time, i.e. when it was saved). --settings takes
// the options page's export (or a bare shop policy).
import { readFileSync, statSync } from 'node:fs';
import { Window } from 'happy-dom';
import { readPage, type Provenance } from '../lib/page/read';
import { assess, EMPTY_POLICY, type ShopPolicy } from '../lib/engine';
import { parsePolicyFile } from '../lib/storage/policy-schema';
import { CaseSnapshotSchema } from '../lib/messaging/protocol';
import * as v from 'valibot';

function usage(message?: string): never {
  if (message) console.error(`inspect: ${message}`);
  console.error('usage: npm run inspect -- page <saved.html> --url <url> [--now <ISO>] [--settings <file.json>]');
  console.error('       npm run inspect -- case <case.json> --now <ISO> [--settings <file.json>]');
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
  const provenance = new Map<string, Provenance>();
  const reading = readPage(document, { url, now, provenance });
  window.happyDOM.abort();
  return { reading, provenance };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    usage(`cannot read ${path} as JSON: ${(e as Error).message}`);
  }
}

function loadPolicy(path: string | undefined): ShopPolicy {
  if (!path) return EMPTY_POLICY;
  const parsed = parsePolicyFile(readJson(path));
  if (!parsed.ok) usage(`${path}: ${parsed.error}`);
  return parsed.policy;
}

const [command, file, ...rest] = process.argv.slice(2);
if (command !== 'page' && command !== 'case') usage(command ? `unknown command ${command}` : undefined);
if (!file) usage('no file');
const nowText = option(rest, '--now');
const policy = loadPolicy(option(rest, '--settings'));

if (command === 'case') {
  if (!nowText) usage('--now is required for a case: the engine never reads the clock');
  const now = Date.parse(nowText);
  if (!Number.isFinite(now)) usage(`--now is not a time: ${nowText}`);
  const snap = v.safeParse(CaseSnapshotSchema, readJson(file));
  if (!snap.success) usage(`${file} is not a case snapshot: ${snap.issues[0] ? `${v.getDotPath(snap.issues[0]) ?? ''} ${snap.issues[0].message}` : ''}`);
  console.log(JSON.stringify({ assessment: assess(snap.output as never, policy, now) }, null, 2));
} else {
  const url = option(rest, '--url') ?? usage('--url is required: the address the page was saved from');
  let html = '';
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
  const { reading, provenance } = inspectPage(html, url, now);
  // Each case with where its fields came from (strategy, label or column) and its assessment.
  const cases = reading.cases.map((c) => ({ ...c, provenance: provenance.get(c.disputeId), assessment: assess(c, policy, now) }));
  console.log(JSON.stringify({ ...reading, cases }, null, 2));
}
