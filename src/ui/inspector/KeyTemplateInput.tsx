// The key template combobox (`USER#{{userId}}`): typing `{{` offers the entity's attributes;
// Arrow keys choose, Enter or Tab insert, Escape closes. Used in the inspector and inline on
// canvas nodes.
import { useId, useRef, useState, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import { placeholderAt } from '../../model/keyTemplate';

interface Completion {
  start: number;
  end: number;
  options: string[];
}

function completionAt(text: string, caret: number, attributes: readonly string[]): Completion | undefined {
  const at = placeholderAt(text, caret);
  if (!at) return undefined;
  const prefix = at.prefix.toLowerCase();
  const options = attributes.filter((name) => name.toLowerCase().startsWith(prefix));
  return options.length ? { start: at.start, end: at.end, options } : undefined;
}

/** Puts `name` into the placeholder being typed, closing it when needed; returns text and caret. */
export function insertPlaceholder(text: string, completion: Pick<Completion, 'start' | 'end'>, name: string): { text: string; caret: number } {
  const before = text.slice(0, completion.start);
  const after = text.slice(completion.end);
  const closing = after.startsWith('}}') ? '' : '}}';
  return { text: `${before}${name}${closing}${after}`, caret: before.length + name.length + 2 };
}

type NativeProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'role' | 'type'>;

export function KeyTemplateInput({
  value,
  onChange,
  attributes,
  listLabel,
  onKeyDown: outerKeyDown,
  onBlur: outerBlur,
  className,
  ...native
}: NativeProps & {
  value: string;
  onChange: (value: string) => void;
  attributes: readonly string[];
  /** Accessible name of the suggestion list. */
  listLabel: string;
}) {
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [completion, setCompletion] = useState<Completion>();
  const [active, setActive] = useState(0);

  const refresh = (text: string, caret: number | null) => {
    setCompletion(caret === null ? undefined : completionAt(text, caret, attributes));
    setActive(0);
  };

  const accept = (name: string) => {
    if (!completion) return;
    const { text, caret } = insertPlaceholder(value, completion, name);
    onChange(text);
    setCompletion(undefined);
    requestAnimationFrame(() => input.current?.setSelectionRange(caret, caret));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (completion) {
      const count = completion.options.length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        const name = completion.options[active];
        if (name !== undefined) {
          event.preventDefault();
          accept(name);
          return;
        }
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setCompletion(undefined);
        return;
      }
    }
    outerKeyDown?.(event);
  };

  const open = completion !== undefined;
  return (
    <div className="combobox">
      <input
        {...native}
        ref={input}
        type="text"
        className={`key-template${className ? ` ${className}` : ''}`}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        value={value}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          onChange(e.target.value);
          refresh(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onClick={(e) => refresh(e.currentTarget.value, e.currentTarget.selectionStart)}
        onBlur={(e) => {
          setCompletion(undefined);
          outerBlur?.(e);
        }}
      />
      <ul id={listId} role="listbox" aria-label={listLabel} className="completions" hidden={!open}>
        {completion?.options.map((name, i) => (
          <li
            key={name}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              accept(name);
            }}
          >
            {name}
          </li>
        ))}
      </ul>
    </div>
  );
}
