/**
 * The shop each tab's pages last named (lib/page/shop.ts): a page whose header names no shop (a
 * detail page, the list in a /tp/ shell's frame) is the shop the last page of the same tab named.
 * Never across tabs: another tab may be logged in to another shop. Free of browser APIs: the
 * background passes where to keep it (storage.session, so a restarted worker still knows).
 */
import type { PageShop } from '../shared/types';

export interface TabShopStore {
  load: () => Promise<Record<string, PageShop> | undefined>;
  save: (byTab: Record<string, PageShop>) => Promise<void>;
}

export class TabShops {
  private readonly byTab = new Map<number, PageShop>();
  private loaded: Promise<void> | undefined;

  constructor(private readonly store?: TabShopStore) {}

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const saved = await this.store?.load().catch(() => undefined);
      for (const [tab, shop] of Object.entries(saved ?? {}))
        if (!this.byTab.has(Number(tab))) this.byTab.set(Number(tab), shop);
    })();
    return this.loaded;
  }

  private async save(): Promise<void> {
    await this.store?.save(Object.fromEntries(this.byTab)).catch(() => undefined);
  }

  /**
   * The shop of a page read in `tabId`: the one its header named (remembered for the tab), else the
   * one the tab's last naming page named, else undefined.
   */
  async resolve(tabId: number | undefined, named: PageShop | undefined): Promise<PageShop | undefined> {
    if (tabId === undefined) return named;
    await this.load();
    if (!named) return this.byTab.get(tabId);
    const known = this.byTab.get(tabId);
    if (known?.name !== named.name || known.via !== named.via || known.tmall !== named.tmall) {
      this.byTab.set(tabId, named);
      await this.save();
    }
    return named;
  }

  /** A tab closed: its shop goes with it. */
  async drop(tabId: number): Promise<void> {
    await this.load();
    if (this.byTab.delete(tabId)) await this.save();
  }
}
