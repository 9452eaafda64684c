// Keyboard shortcuts as data, matched on `KeyboardEvent.code` so Alt/Shift combinations work
// on every layout (Alt+E types "´" on a Mac, but its code is still KeyE).

export interface Shortcut {
  code: string;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

export interface KeyLike {
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function matchesShortcut(shortcut: Shortcut, event: KeyLike, isMac: boolean): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  // The other platform's modifier must be up, so Ctrl+Z on a Mac stays the OS's.
  const stray = isMac ? event.ctrlKey : event.metaKey;
  return (
    event.code === shortcut.code &&
    mod === Boolean(shortcut.mod) &&
    !stray &&
    event.shiftKey === Boolean(shortcut.shift) &&
    event.altKey === Boolean(shortcut.alt)
  );
}

const KEY_NAMES: Record<string, string> = {
  Delete: 'Del',
  Backspace: 'Backspace',
  F2: 'F2',
  Digit1: '1',
  Equal: '=',
  Minus: '-',
};

/** Human text for a shortcut, e.g. "Ctrl+Shift+Z" or "⌘⇧Z". */
export function formatShortcut(shortcut: Shortcut, isMac: boolean): string {
  const key = KEY_NAMES[shortcut.code] ?? shortcut.code.replace(/^Key/, '').replace(/^Digit/, '');
  if (isMac) return `${shortcut.mod ? '⌘' : ''}${shortcut.alt ? '⌥' : ''}${shortcut.shift ? '⇧' : ''}${key}`;
  return [shortcut.mod && 'Ctrl', shortcut.alt && 'Alt', shortcut.shift && 'Shift', key].filter(Boolean).join('+');
}

/** For aria-keyshortcuts, which wants "Control+Shift+Z" / "Meta+Shift+Z". */
export function ariaShortcut(shortcut: Shortcut, isMac: boolean): string {
  const key = shortcut.code.replace(/^Key/, '').replace(/^Digit/, '');
  return [shortcut.mod && (isMac ? 'Meta' : 'Control'), shortcut.alt && 'Alt', shortcut.shift && 'Shift', key].filter(Boolean).join('+');
}

export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
