// A scanner on the test's document with the content script's other parts stubbed (messages are
// mocked by each test file, as `vi.mock` must be).
import { createScanner, type ScannerDeps } from '../../../entrypoints/seller.content/scan';
import type { RowBadges } from '../../../entrypoints/seller.content/badges';
import type { DataRelay } from '../../../entrypoints/seller.content/data-relay';

const badges: RowBadges = { show: () => {}, refresh: () => {}, judge: () => {}, tick: () => {}, stop: () => {} };
const relay: DataRelay = { version: 0, receive: () => {}, checkEpoch: () => {}, flush: () => {} };
/** Nothing taught (one object, as the content script keeps until staff teach a label or a status wording). */
const taught = { labels: {}, statuses: {} };

export function stubScanner(deps: Partial<ScannerDeps> = {}) {
  return createScanner({
    ctx: { isInvalid: false } as never,
    isTop: true,
    doc: 'test-doc',
    badges,
    relay,
    sidebar: () => undefined,
    taught: () => taught,
    ...deps,
  });
}
