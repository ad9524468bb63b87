/**
 * The options page's shop switcher (issue 32): which shop's promises are being edited. The primary
 * shop (the first seen) keeps the settings kept before shops were told apart. Opened from the
 * sidebar's "新店铺" offer, the page starts on that shop (`#shop=<name>`).
 */
import { useEffect, useState } from 'preact/hooks';
import type { ShopRecord } from '../../../lib/storage/db';
import { listShops } from '../../../lib/storage/shops';
import { db } from '../shared';

/** The shop asked for by the address (`options.html#shop=青禾小铺`), if any. */
function shopInAddress(): string | undefined {
  const m = /(?:^#|&)shop=([^&]+)/.exec(location.hash);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return undefined;
  }
}

/** The shops seen, the one being edited, and the primary's name (whose settings carry no shop). */
export function useShops(): {
  shops: ShopRecord[] | undefined;
  shop: string | undefined;
  primary: string | undefined;
  choose: (name: string) => void;
} {
  const [shops, setShops] = useState<ShopRecord[] | undefined>();
  const [shop, setShop] = useState<string | undefined>(shopInAddress());
  useEffect(() => void listShops(db).then(setShops), []);
  const primary = shops?.find((s) => s.primary === 1)?.name;
  const known = shops?.some((s) => s.name === shop);
  return { shops, shop: known ? shop : (primary ?? shops?.[0]?.name), primary, choose: setShop };
}

export function ShopPicker({ shops, shop, choose }: Pick<ReturnType<typeof useShops>, 'shops' | 'shop' | 'choose'>) {
  if (!shops?.length) return <p class="muted">尚未在页面上读到店铺：这里的设置属于第一个读到的店铺。</p>;
  return (
    <p class="row">
      <label>
        店铺{' '}
        <select data-testid="shop-switcher" value={shop} onChange={(e) => choose(e.currentTarget.value)}>
          {shops.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
              {s.tmall || s.platform === 'tmall' ? '（天猫）' : ''}
            </option>
          ))}
        </select>
      </label>{' '}
      <span class="muted">每个店铺的承诺分开保存：售后单按它所属店铺的承诺判断。</span>
    </p>
  );
}
