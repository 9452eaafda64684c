// Every command with its shortcuts, read from the registry so the list cannot drift from
// what the keys actually do.
import { useEffect, useRef } from 'react';
import { commands } from '../store/commands';
import { formatShortcut, isMacPlatform } from '../store/shortcuts';

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const isMac = isMacPlatform();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="shortcuts-dialog" aria-label="Keyboard shortcuts" onClose={onClose}>
      <h2>Keyboard shortcuts</h2>
      <table>
        <tbody>
          {commands
            .filter((command) => command.shortcuts.length > 0)
            .map((command) => (
              <tr key={command.id}>
                <th scope="row">{command.label}</th>
                <td>
                  {command.shortcuts.map((shortcut) => (
                    <kbd key={formatShortcut(shortcut, isMac)}>{formatShortcut(shortcut, isMac)}</kbd>
                  ))}
                  {command.inFields ? '' : <span className="muted"> (not while typing)</span>}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
