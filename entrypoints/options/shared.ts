/** What every options section needs: the ledger, and telling open tabs and alerts that settings changed. */
import { browser } from 'wxt/browser';
import { ask } from '../../lib/messaging/client';
import { createDb } from '../../lib/storage/db';
import { POLICY_VERSION_KEY } from '../../lib/storage/keys';

export const db = createDb();

/** Open seller tabs recompute (no reload) and the alerts re-plan. */
export async function settingsChanged(): Promise<void> {
  await browser.storage.local.set({ [POLICY_VERSION_KEY]: Date.now() });
  await ask({ type: 'alerts/sweep' }).catch(() => undefined);
}

export async function getSetting<T>(key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export async function putSetting(key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
  await settingsChanged();
}

/** Today in China time, for date inputs: YYYY-MM-DD. */
export function chinaToday(now = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A date input's value (China date) as the ISO instant of its 00:00 China time. */
export function chinaDateToIso(date: string): string {
  return `${date}T00:00:00+08:00`;
}
