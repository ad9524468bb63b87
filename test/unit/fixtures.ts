import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'pages');

/** The demo backend's own record of a case (scripts/demo-backend/data.mjs). */
export interface DemoCase {
  platform: 'taobao' | 'tmall';
  disputeId: string;
  orderId: string;
  kind: 'refund' | 'exchange' | 'postage';
  refundType: string;
  phase: 'onsale' | 'aftersale';
  shipped: boolean;
  status: string;
  refundFen: number;
  paidFen: number;
  postageFen: number;
  appliedAt: number;
  deadlineAt: number | null;
  deadlineAction: string | null;
  buyerNick: string;
  reason: string;
  flags: Record<string, boolean>;
}

export interface Fixture {
  name: string;
  /** The cases the page showed, as the demo backend holds them. */
  truth: DemoCase[];
  url: string;
  /** When the page was captured: the reading time that makes its countdowns meaningful. */
  capturedAt: number;
  html: string;
}

const index = JSON.parse(readFileSync(join(FIXTURES, 'index.json'), 'utf8')) as Record<
  string,
  { url: string; capturedAt: string; cases: DemoCase[] }
>;

export const FIXTURE_NAMES = Object.keys(index);

export function loadFixture(name: string): Fixture {
  const meta = index[name];
  if (!meta) throw new Error(`no fixture ${name}`);
  return {
    name,
    truth: meta.cases,
    url: meta.url,
    capturedAt: Date.parse(meta.capturedAt),
    html: readFileSync(join(FIXTURES, `${name}.html`), 'utf8'),
  };
}

/** A fresh document holding the fixture (happy-dom). */
export function fixtureDocument(html: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = html.replace(/^<!doctype html>\s*/i, '').replace(/^<html[^>]*>|<\/html>$/g, '');
  return doc;
}
