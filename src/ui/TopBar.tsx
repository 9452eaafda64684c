// The top bar: design name, new design and examples, the table being edited, undo/redo, and
// the model file (import reads every format the app knows) and share link.
import { useEffect, useRef, useState } from 'react';
import { findCommand, registerViewBridge, runCommand } from '../store/commands';
import { useDesignStore } from '../store/designStore';
import { modelFileName, serializeModel, shareHash } from '../store/modelFile';
import { ariaShortcut, formatShortcut, isMacPlatform } from '../store/shortcuts';
import { ExamplePicker } from './ExamplePicker';
import { importInWorker } from './importInWorker';
import { TablePicker } from './TablePicker';
import { ShortcutsHelp } from './ShortcutsHelp';
import { downloadFile } from './download';

const isMac = isMacPlatform();

/** A toolbar button for a registry command, titled with its shortcut. */
export function CommandButton({ id, label, ariaLabel, detail, disabled, className }: { id: string; label?: string; ariaLabel?: string; detail?: string; disabled?: boolean; className?: string }) {
  const command = findCommand(id);
  if (!command) return null;
  const shortcut = command.shortcuts[0];
  const hint = shortcut ? ` (${formatShortcut(shortcut, isMac)})` : '';
  return (
    <button
      type="button"
      className={className}
      disabled={disabled}
      title={`${command.label}${detail ? `: ${detail}` : ''}${hint}`}
      aria-label={ariaLabel}
      aria-keyshortcuts={shortcut ? ariaShortcut(shortcut, isMac) : undefined}
      onClick={() => runCommand(id)}
    >
      {label ?? command.label}
    </button>
  );
}

export function TopBar() {
  const name = useDesignStore((s) => s.model.name);
  const canUndo = useDesignStore((s) => s.canUndo);
  const canRedo = useDesignStore((s) => s.canRedo);
  const undoLabel = useDesignStore((s) => s.undoLabel);
  const redoLabel = useDesignStore((s) => s.redoLabel);
  const updateModel = useDesignStore((s) => s.updateModel);
  const fileInput = useRef<HTMLInputElement>(null);
  const [shareUrl, setShareUrl] = useState<string>();
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(
    () =>
      registerViewBridge({
        exportModel: () => {
          const { model } = useDesignStore.getState();
          downloadFile(modelFileName(model), serializeModel(model), 'application/json');
        },
        importModel: () => fileInput.current?.click(),
        shareLink: () => {
          const { model, notify } = useDesignStore.getState();
          const url = `${location.origin}${location.pathname}${shareHash(model)}`;
          setShareUrl(url);
          navigator.clipboard?.writeText(url).then(
            () => notify('info', 'Share link copied to the clipboard.'),
            () => undefined,
          );
        },
      }),
    [],
  );

  const onFile = async (file: File) => {
    const { replaceModel, notify } = useDesignStore.getState();
    const result = await importInWorker(file, file.name);
    if ('error' in result) notify('error', `Import failed, your model is unchanged. ${result.error}`);
    else {
      replaceModel(result.model, `Import ${file.name}`);
      notify('info', `${result.summary} Undo returns to your previous design.`);
      if (result.warnings.length > 0) notify('warning', `Notes on ${JSON.stringify(file.name)}: ${result.warnings.join('; ')}`);
    }
  };

  return (
    <header className="top-bar">
      <span className="brand" aria-hidden="true">
        Tablesmith
      </span>
      <label className="model-name">
        <span className="visually-hidden">Model name</span>
        <input type="text" value={name} spellCheck={false} onChange={(e) => updateModel('Rename model', (m) => ({ ...m, name: e.target.value }))} />
      </label>
      <CommandButton id="newDesign" label="New design" />
      <ExamplePicker />
      <TablePicker />
      <div className="toolbar" role="toolbar" aria-label="History">
        <CommandButton id="undo" disabled={!canUndo} detail={undoLabel} />
        <CommandButton id="redo" disabled={!canRedo} detail={redoLabel} />
        <span className="history-hint" aria-live="polite">
          {undoLabel ? `Last: ${undoLabel}` : redoLabel ? `Redo: ${redoLabel}` : ''}
        </span>
      </div>
      <div className="toolbar" role="toolbar" aria-label="Model file">
        <CommandButton id="exportModel" label="Export model" />
        <CommandButton id="importModel" label="Import…" />
        <input
          ref={fileInput}
          type="file"
          accept=".json,.jsonl,application/json"
          aria-label="Import a file"
          className="visually-hidden"
          tabIndex={-1}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void onFile(file);
          }}
        />
        <CommandButton id="shareLink" />
      </div>
      <button type="button" className="help-button" onClick={() => setHelpOpen(true)}>
        Shortcuts
      </button>
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
      {shareUrl && (
        <div className="share-popover" role="dialog" aria-label="Share link">
          <label>
            Link to this model
            <input type="text" readOnly value={shareUrl} onFocus={(e) => e.target.select()} />
          </label>
          <button type="button" onClick={() => setShareUrl(undefined)}>
            Close
          </button>
        </div>
      )}
    </header>
  );
}
