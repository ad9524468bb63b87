// Who the background answers as the sidebar: only our sidebar page, framed in a tab showing a seller
// page, holding the ticket that tab's content script gave its frame.
import { describe, expect, it } from 'vitest';
import {
  createSidebarGate,
  portName,
  ticketFromHash,
  ticketOfPort,
  type GateSender,
} from '../../../lib/messaging/sidebar-gate';
import { SIDEBAR_READINGS_PORT } from '../../../lib/messaging/sidebar-port';

const ORIGIN = 'moz-extension://0d1e2f30-aaaa-bbbb-cccc-000000000001';
const TICKET = '2b0f6a55-43c1-4c7e-9d1b-8f0a3c2e4d11';
const OTHER = '7d3c1b2a-1111-4222-8333-944455556666';

/** A tab whose top-frame content script gave its sidebar TICKET; the asks it got. */
function setup() {
  const asked: [number, string][] = [];
  const gate = createSidebarGate(ORIGIN, (tabId, ticket) => {
    asked.push([tabId, ticket]);
    return Promise.resolve(tabId === 7 && ticket === TICKET);
  });
  return { gate, asked };
}

const sidebar = (over: Partial<GateSender> = {}): GateSender => ({
  id: 'ext',
  url: `${ORIGIN}/sidebar.html#host=myseller.taobao.com&ticket=${TICKET}`,
  frameId: 3,
  tab: { id: 7, url: 'https://myseller.taobao.com/home.htm/trade-platform/refund-list' },
  ...over,
});

describe('the sidebar gate', () => {
  it('answers our sidebar framed by the seller page of its tab, with that tab', async () => {
    const { gate } = setup();
    expect(gate.isFramed(sidebar())).toBe(true);
    expect(await gate.admit(sidebar(), TICKET)).toBe(7);
  });

  it('answers nothing to a sidebar framed by any other site, without even asking the tab', async () => {
    const { gate, asked } = setup();
    // The browser reports no address for a tab we hold no permission for, and the wrong one otherwise.
    for (const url of [
      undefined,
      'https://evil.example/frame.html',
      'http://myseller.taobao.com/x',
      'https://taobao.com.evil.example/',
    ])
      expect(await gate.admit(sidebar({ tab: { id: 7, ...(url ? { url } : {}) } }), TICKET)).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('answers nothing to a frame nested in a seller page that lacks the ticket the page gave its sidebar', async () => {
    const { gate } = setup();
    expect(await gate.admit(sidebar(), OTHER)).toBeUndefined();
    expect(await gate.admit(sidebar(), undefined)).toBeUndefined();
    expect(await gate.admit(sidebar(), 'not a ticket')).toBeUndefined();
    // Another tab's sidebar cannot use this tab's ticket.
    expect(await gate.admit(sidebar({ tab: { id: 8, url: 'https://qn.taobao.com/' } }), TICKET)).toBeUndefined();
  });

  it('answers only the sidebar page, and only framed', async () => {
    const { gate } = setup();
    expect(await gate.admit(sidebar({ url: `${ORIGIN}/options.html#ticket=${TICKET}` }), TICKET)).toBeUndefined();
    expect(await gate.admit(sidebar({ frameId: 0 }), TICKET)).toBeUndefined();
    // Top-level extension pages (popup, options, 日报) are not framed and go straight on.
    expect(gate.isFramed({ id: 'ext', url: `${ORIGIN}/options.html`, frameId: 0, tab: { id: 9 } })).toBe(false);
    expect(gate.isFramed({ id: 'ext', url: `${ORIGIN}/popup.html` })).toBe(false);
    // A content script's message (the page's own address) is not a framed extension page.
    expect(gate.isFramed({ id: 'ext', url: 'https://myseller.taobao.com/', frameId: 2, tab: { id: 7 } })).toBe(false);
  });

  it('asks the tab once per frame, again once the tab navigated away and back', async () => {
    const { gate, asked } = setup();
    await gate.admit(sidebar(), TICKET);
    await gate.admit(sidebar(), TICKET);
    expect(asked).toHaveLength(1);
    // Still checks the tab's page every time: a tab now on another site is refused at once.
    expect(await gate.admit(sidebar({ tab: { id: 7, url: 'https://evil.example/' } }), TICKET)).toBeUndefined();
    gate.dropTab(7);
    await gate.admit(sidebar(), TICKET);
    expect(asked).toHaveLength(2);
  });

  it('reads the ticket from the frame address and port names', () => {
    expect(ticketFromHash(`#host=qn.taobao.com&ticket=${TICKET}`)).toBe(TICKET);
    expect(ticketFromHash('#host=qn.taobao.com')).toBeUndefined();
    expect(ticketOfPort(portName(SIDEBAR_READINGS_PORT, TICKET), SIDEBAR_READINGS_PORT)).toBe(TICKET);
    expect(ticketOfPort(SIDEBAR_READINGS_PORT, SIDEBAR_READINGS_PORT)).toBeUndefined();
  });
});
