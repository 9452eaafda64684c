// One window-level key handler for every command in the registry. While the user types in a
// field only the commands marked `inFields` (undo, redo, file) respond, so Delete and
// Backspace edit text instead of deleting the selection; code editors keep all their keys.
import { useEffect } from 'react';
import { commands } from '../store/commands';
import { useDesignStore } from '../store/designStore';
import { isMacPlatform, matchesShortcut } from '../store/shortcuts';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return false;
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const isMac = isMacPlatform();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target;
      if (target instanceof HTMLElement && target.closest('.monaco-editor, [data-own-shortcuts]')) return;
      const inField = isTextField(target);
      for (const command of commands) {
        if (inField && !command.inFields) continue;
        if (!command.shortcuts.some((shortcut) => matchesShortcut(shortcut, event, isMac))) continue;
        const state = useDesignStore.getState();
        event.preventDefault();
        if (command.enabled(state)) command.run(state);
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
