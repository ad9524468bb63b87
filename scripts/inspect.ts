// The support tool for "the extension read my page wrong" and "why does it say that":
//
//   npm run inspect -- page <saved.html> --url <url> [--now <ISO>] [--settings <file.json>]
//       reads a saved page exactly as the extension would; prints what it read, each case with where
//       each field came from ("provenance": the strategy, and per field the label, column or heading)
//       and its assessment
//   npm run inspect -- case <case.json> --now <ISO> [--settings <file.json>]
//       prints { "assessment": … } for one case in the snapshot's JSON shape
//   npm run inspect -- data <response> --url <page-url> [--now <ISO>] [--page <saved.html>]
//       reads a saved data response (the mtop JSON or JSONP of disputelistv2 / disputedetail, or a
//       page or script text holding `var disputeData = …;`) through the extension's own code and
//       prints { "cases": [snapshots], "notes": [what was ignored or switched off, and why] };
//       with --page it first calibrates the data against that saved page's rows
//
// Times are ISO 8601 with the +08:00 offset. --now fixes the reading time (countdowns are relative
// to it; default for a page: the file's modification time, i.e. when it was saved). --settings takes
// the options page's export (or a bare shop policy).
import { readFileSync, statSync } from 'node:fs';
import { Window } from 'happy-dom';
import { readPage, type Provenance } from '../lib/page/read';
import { detectFromUrl, detectPlatform } from '../lib/page/detect';
import { inspectResponse, parseResponseText } from '../lib/page/mtop';
import { extractDisputeDataJson, readDisputeDataJson, visibleColumns } from '../lib/page/refund2-data';
import type { CaseKind } from '../lib/shared/types';
import { assess, EMPTY_POLICY, type ShopPolicy } from '../lib/engine';
import { parsePolicyFile } from '../lib/storage/policy-schema';
import { CaseSnapshotSchema } from '../lib/messaging/protocol';
import * as v from 'valibot';

function usage(message?: string): never {
  if (message) console.error(`inspect: ${message}`);
  console.error('usage: npm run inspect -- page <saved.html> --url <url> [--now <ISO>] [--settings <file.json>]');
  console.error('       npm run inspect -- case <case.json> --now <ISO> [--settings <file.json>]');
  console.error('       npm run inspect -- data <response> --url <page-url> [--now <ISO>] [--page <saved.html>]');
  process.exit(2);
}

/** A clear error, without the usage text: the arguments were right, the page is what it cannot take. */
function fail(message: string): never {
  console.error(`inspect: ${message}`);
  process.exit(2);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) usage(`${name} needs a value`);
  return v;
}

const PRECEDING = 2;
const FOLLOWING = 4;
const CONTAINS = 8;
const CONTAINED_BY = 16;

/**
 * happy-dom works out `compareDocumentPosition` by indexing the nodes' siblings at every call, so the
 * reader's binary searches over a long list cost the square of its size (1,600 rows: 40 s of 43). A
 * saved page does not change while it is inspected: each node's place in document order and the end of
 * its subtree are counted once, and the comparison reads them (nodes made later fall back to happy-dom's).
 */
function indexDocumentOrder(document: Document): void {
  const at = new Map<Node, [start: number, end: number]>();
  const walk = (root: Node) => {
    // Iterative: a page nested 20,000 deep must not overflow the stack.
    const stack: [Node, boolean][] = [[root, false]];
    let n = 0;
    while (stack.length) {
      const [node, done] = stack.pop()!;
      if (done) {
        at.get(node)![1] = n - 1;
        continue;
      }
      at.set(node, [n++, 0]);
      stack.push([node, true]);
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push([c, false]);
    }
  };
  walk(document);
  const proto = (document.defaultView as unknown as { Node: typeof Node }).Node.prototype;
  // Kept to be called with each node as `this` (for nodes made after the index).
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original = proto.compareDocumentPosition;
  proto.compareDocumentPosition = function (this: Node, other: Node): number {
    const a = at.get(this);
    const b = at.get(other);
    if (!a || !b) return original.call(this, other);
    if (a[0] === b[0]) return 0;
    if (b[0] > a[0] && b[0] <= a[1]) return CONTAINED_BY | FOLLOWING;
    if (a[0] > b[0] && a[0] <= b[1]) return CONTAINS | PRECEDING;
    return b[0] < a[0] ? PRECEDING : FOLLOWING;
  };
}

function withPage<T>(html: string, url: string, use: (document: Document) => T): T {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  const document = window.document as unknown as Document;
  try {
    document.write(html);
    indexDocumentOrder(document);
    return use(document);
  } catch (e) {
    // happy-dom walks a page's tree recursively: one nested thousands deep overflows its stack.
    if (e instanceof RangeError)
      fail(
        'the page is nested too deeply for this tool to read (页面嵌套过深，无法读取); the extension in the browser is not affected',
      );
    throw e;
  } finally {
    void window.happyDOM.abort();
  }
}

const inspectPage = (html: string, url: string, now: number) =>
  withPage(html, url, (document) => readPage(document, { url, now }));

/** `inspect page`: the reading, and where each case's fields came from. */
function inspectPageWithProvenance(html: string, url: string, now: number) {
  const provenance = new Map<string, Provenance>();
  const reading = withPage(html, url, (document) => readPage(document, { url, now, provenance }));
  return { reading, provenance };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    usage(`cannot read ${path}: ${(e as Error).message}`);
  }
}

/** `inspect data`: a saved data response, read as the extension reads it, optionally calibrated against a saved page. */
function inspectData(text: string, url: string, now: number, pageHtml: string | undefined) {
  const page = pageHtml === undefined ? undefined : inspectPage(pageHtml, url, now);
  const platform = page?.platform ?? detectPlatform(url, '');
  const kindOfPage = detectFromUrl(url).kind;
  const kind: CaseKind = kindOfPage.startsWith('exchange')
    ? 'exchange'
    : kindOfPage === 'postage-list'
      ? 'postage'
      : 'refund';
  const disputeData = extractDisputeDataJson(text);
  if (disputeData !== undefined) {
    // The old list: its columns mean what the saved page's header says, else the real code's positions.
    // A saved page holding the literal is its own page: its header counts too.
    const html = pageHtml ?? (/<(html|body|div|table)[\s>]/i.test(text) ? text : undefined);
    const headers = html === undefined ? undefined : withPage(html, url, visibleColumns);
    const { cases, headersWithoutBody, bodiesWithoutHeader } = readDisputeDataJson(disputeData, now, platform, headers);
    const notes: { level: string; text: string }[] = [
      {
        level: 'info',
        text: headers
          ? `页面表头：${headers.join(' | ')}；与行体的列数对上时按表头读列，否则按已知位置 / the page's header: columns by it where it lines up with a body, else by the known positions`
          : '页面表头未知，按已知位置读取列：[1] 退款金额 [2] 申请时间 [3] 原因 [5] 货物状态 [6] 退款状态 / no header: columns by the known positions',
      },
    ];
    if (headersWithoutBody)
      notes.push({
        level: 'ignored',
        text: `${headersWithoutBody} 个售后单没有找到 bizName 为 disputeBody 的行体：只读了表头 / ${headersWithoutBody} headers have no body (bizName "disputeBody"): only their header was read`,
      });
    if (bodiesWithoutHeader)
      notes.push({
        level: 'ignored',
        text: `${bodiesWithoutHeader} 个行体没有对应的表头，已忽略 / ${bodiesWithoutHeader} bodies without a header were ignored`,
      });
    for (const c of cases) {
      const shown = page?.cases.find((p) => p.disputeId === c.disputeId) as Record<string, unknown> | undefined;
      if (!shown) continue;
      for (const [k, v] of Object.entries(c)) {
        if (typeof v !== 'object' && shown[k] !== undefined && shown[k] !== v)
          notes.push({
            level: 'off',
            text: `售后单 ${c.disputeId} 的 ${k} 与页面不符（数据 ${String(v)}，页面 ${JSON.stringify(shown[k])}）；扩展以页面为准 / disagrees with the page; the page wins`,
          });
      }
    }
    return { cases, notes };
  }
  const body = parseResponseText(text);
  if (body === undefined)
    usage('the file is neither a data response (JSON or JSONP) nor a text holding var disputeData = …;');
  return inspectResponse(body, platform, kind, now, page?.cases);
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
if (command !== 'page' && command !== 'case' && command !== 'data')
  usage(command ? `unknown command ${command}` : undefined);
if (!file) usage('no file');
const nowText = option(rest, '--now');
const policy = loadPolicy(option(rest, '--settings'));

if (command === 'case') {
  if (!nowText) usage('--now is required for a case: the engine never reads the clock');
  const now = Date.parse(nowText);
  if (!Number.isFinite(now)) usage(`--now is not a time: ${nowText}`);
  const snap = v.safeParse(CaseSnapshotSchema, readJson(file));
  if (!snap.success)
    usage(
      `${file} is not a case snapshot: ${snap.issues[0] ? `${v.getDotPath(snap.issues[0]) ?? ''} ${snap.issues[0].message}` : ''}`,
    );
  console.log(JSON.stringify({ assessment: assess(snap.output, policy, now) }, null, 2));
} else if (command === 'data') {
  const url = option(rest, '--url') ?? usage('--url is required: the address of the page the response came to');
  try {
    new URL(url);
  } catch {
    usage(`--url is not a URL: ${url}`);
  }
  const now = nowText ? Date.parse(nowText) : statSync(file).mtimeMs;
  if (!Number.isFinite(now)) usage(`--now is not a time: ${nowText}`);
  const pagePath = option(rest, '--page');
  console.log(
    JSON.stringify(
      inspectData(readText(file), url, now, pagePath === undefined ? undefined : readText(pagePath)),
      null,
      2,
    ),
  );
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
  const { reading, provenance } = inspectPageWithProvenance(html, url, now);
  // Each case with where its fields came from (strategy, label or column) and its assessment.
  const cases = reading.cases.map((c) => ({
    ...c,
    provenance: provenance.get(c.disputeId),
    assessment: assess(c, policy, now),
  }));
  // The shop as the page's header names it, or null: a saved page has no tab to inherit one from.
  const { page, era, platform, shop, ...others } = reading;
  const named = { shop: shop?.name ?? null, ...(shop ? { shopFrom: shop.via } : {}) };
  console.log(JSON.stringify({ page, era, platform, ...named, ...others, cases }, null, 2));
}
