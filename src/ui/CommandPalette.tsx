// Ctrl/Cmd+K: every registered command by name, with its shortcut, filtered as you type.
// A combobox with a listbox (WAI-ARIA): the arrows move the active option, Enter runs it,
// Escape closes. The command runs after the dialog has closed, so the focus the command moves
// (to a new entity's name, a new attribute) is not taken back by the dialog.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { commands, registerViewBridge, runCommand } from '../store/commands';
import { useDesignStore } from '../store/designStore';
import { formatShortcut, isMacPlatform } from '../store/shortcuts';

function matches(label: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = label.toLowerCase();
  return words.every((word) => text.includes(word));
}

export function CommandPalette() {
  const [open, setOpen] = useState(false);
  useEffect(() => registerViewBridge({ openCommandPalette: () => setOpen(true) }), []);
  return open ? <PaletteDialog onClose={() => setOpen(false)} /> : null;
}

function PaletteDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const state = useDesignStore();
  const isMac = isMacPlatform();
  const shown = useMemo(() => commands.filter((command) => command.id !== 'commandPalette' && matches(command.label, query)), [query]);
  const current = shown[Math.min(active, shown.length - 1)];

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const run = (id: string) => {
    dialog.current?.close();
    requestAnimationFrame(() => runCommand(id));
  };

  return (
    <dialog ref={dialog} className="command-palette" aria-label="Command palette" onClose={onClose} data-own-shortcuts>
      <input
        type="text"
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
        aria-autocomplete="list"
        placeholder="Type a command…"
        value={query}
        autoFocus
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((at) => (Math.min(at, shown.length - 1) + step + shown.length) % Math.max(1, shown.length));
          } else if (event.key === 'Enter' && current) {
            event.preventDefault();
            if (current.enabled(state)) run(current.id);
          }
        }}
      />
      <ul role="listbox" id={listId} aria-label="Commands">
        {shown.map((command, position) => {
          const enabled = command.enabled(state);
          return (
            <li
              key={command.id}
              id={`${listId}-${command.id}`}
              role="option"
              aria-selected={command === current}
              aria-disabled={!enabled}
              className={command === current ? 'is-active' : undefined}
              onMouseMove={() => setActive(position)}
              onClick={() => enabled && run(command.id)}
            >
              <span>{command.label}</span>
              <span>
                {command.shortcuts.map((shortcut) => (
                  <kbd key={formatShortcut(shortcut, isMac)}>{formatShortcut(shortcut, isMac)}</kbd>
                ))}
              </span>
            </li>
          );
        })}
        {shown.length === 0 && <li role="presentation" className="muted">No command matches “{query}”</li>}
      </ul>
    </dialog>
  );
}
