/**
 * UI settings every view follows: the language and the sidebar's shortcut, read from
 * storage.local now and again whenever they change. Each returns the function that stops following.
 */
import { browser } from 'wxt/browser';
import { LANG_KEY, SHORTCUT_KEY } from '../storage/keys';
import type { Lang } from './i18n';
import { DEFAULT_SHORTCUT, matchesShortcut, parseShortcut } from './shortcut';

/** Calls `apply` with a storage.local value now (unless `now` is false) and whenever it changes. */
export function followSetting(key: string, apply: (value: unknown) => void, { now = true } = {}): () => void {
  let stopped = false;
  if (now) void browser.storage.local.get(key).then((s) => stopped || apply(s[key]));
  const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[key]) apply(changes[key].newValue);
  };
  browser.storage.onChanged.addListener(onChange);
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(onChange);
  };
}

/** The shop's UI language: Chinese unless English was chosen. */
export function followLang(onLang: (lang: Lang) => void): () => void {
  return followSetting(LANG_KEY, (v) => onLang(v === 'en' ? 'en' : 'zh'));
}

/** Calls `onPress` when the sidebar's shortcut is pressed in `win`, never while an input method composes. */
export function followShortcut(win: Window, onPress: () => void): () => void {
  const fallback = parseShortcut(DEFAULT_SHORTCUT)!;
  let shortcut = fallback;
  const stop = followSetting(
    SHORTCUT_KEY,
    (v) => (shortcut = parseShortcut(typeof v === 'string' ? v : '') ?? fallback),
  );
  const onKey = (e: KeyboardEvent) => {
    if (e.isComposing || e.keyCode === 229) return;
    if (matchesShortcut(e, shortcut)) {
      e.preventDefault();
      onPress();
    }
  };
  win.addEventListener('keydown', onKey);
  return () => {
    stop();
    win.removeEventListener('keydown', onKey);
  };
}
