/** The sidebar's keyboard shortcut: a modifier combination, never a bare Alt+letter. */
export const DEFAULT_SHORTCUT = 'Alt+Shift+R';

export interface Shortcut {
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
  key: string;
}

/** 'Ctrl+Shift+K' → a shortcut; undefined when malformed or too easy to hit while typing. */
export function parseShortcut(text: string): Shortcut | undefined {
  const parts = text
    .split('+')
    .map((p) => p.trim())
    .filter(Boolean);
  const key = parts.pop();
  if (!key || key.length !== 1 || !/[a-z0-9]/i.test(key)) return undefined;
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const s: Shortcut = {
    ctrl: mods.has('ctrl'),
    alt: mods.has('alt'),
    shift: mods.has('shift'),
    meta: mods.has('meta') || mods.has('cmd'),
    key: key.toUpperCase(),
  };
  const count = [s.ctrl, s.alt, s.shift, s.meta].filter(Boolean).length;
  // A bare Alt+letter collides with Chinese input methods and menus; one plain letter with typing.
  if (count === 0 || (count === 1 && (s.alt || s.shift))) return undefined;
  return s;
}

export function matchesShortcut(
  e: Pick<KeyboardEvent, 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey' | 'code' | 'key'>,
  s: Shortcut,
): boolean {
  const code = e.code.startsWith('Key')
    ? e.code.slice(3)
    : e.code.startsWith('Digit')
      ? e.code.slice(5)
      : e.key.toUpperCase();
  return e.ctrlKey === s.ctrl && e.altKey === s.alt && e.shiftKey === s.shift && e.metaKey === s.meta && code === s.key;
}
