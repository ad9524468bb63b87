import { useEffect, useState } from 'preact/hooks';
import { SHOP_KEY } from '../../../lib/storage/policy-store';
import { browser } from 'wxt/browser';
import { LANG_KEY } from '../../../lib/storage/keys';
import { getSetting, putSetting } from '../shared';

interface Shop {
  platform?: 'taobao' | 'tmall';
  shopName?: string;
  staffName?: string;
  returnAddress?: string;
  freeShippingDefault?: boolean;
}

export function ShopSection() {
  const [shop, setShop] = useState<Shop>({});
  const [saved, setSaved] = useState(false);
  const [lang, setLang] = useState('zh');
  useEffect(() => void getSetting<Shop>(SHOP_KEY).then((s) => setShop(s ?? {})), []);
  useEffect(
    () => void browser.storage.local.get(LANG_KEY).then((s) => setLang(s[LANG_KEY] === 'en' ? 'en' : 'zh')),
    [],
  );
  const field = (k: keyof Shop) => (e: Event) =>
    setShop({ ...shop, [k]: (e.target as HTMLInputElement).value || undefined });
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        await putSetting(SHOP_KEY, shop);
        setSaved(true);
      }}
    >
      <label>
        界面语言 Language
        <select
          value={lang}
          aria-label="界面语言 Language"
          onChange={async (e) => {
            const next = (e.target as HTMLSelectElement).value;
            setLang(next);
            await browser.storage.local.set({ [LANG_KEY]: next });
          }}
        >
          <option value="zh">简体中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <label>
        平台 Platform
        <select
          value={shop.platform ?? ''}
          onChange={(e) =>
            setShop({ ...shop, platform: ((e.target as HTMLSelectElement).value || undefined) as Shop['platform'] })
          }
        >
          <option value="">按页面判断</option>
          <option value="taobao">淘宝</option>
          <option value="tmall">天猫</option>
        </select>
      </label>
      <label>
        店铺名 Shop name
        <input value={shop.shopName ?? ''} onInput={field('shopName')} maxLength={60} />
      </label>
      <label>
        客服名（回复中使用） Staff name
        <input value={shop.staffName ?? ''} onInput={field('staffName')} maxLength={30} />
      </label>
      <label>
        退货地址（回复中使用） Return address
        <input value={shop.returnAddress ?? ''} onInput={field('returnAddress')} maxLength={200} />
      </label>
      <label class="row">
        <input
          type="checkbox"
          checked={!!shop.freeShippingDefault}
          onChange={(e) => setShop({ ...shop, freeShippingDefault: (e.target as HTMLInputElement).checked })}
        />
        商品默认包邮（页面未标明时） Free shipping by default
      </label>
      <button type="submit">保存</button> {saved && <span class="ok">已保存，已打开的页面会自动更新</span>}
    </form>
  );
}
