// A key template input (`USER#{{userId}}`) with placeholder completion: typing `{{` offers the
// entity's attributes. Syntax errors show at once; semantic ones come from model validation.
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { parseKeyTemplate, placeholderAt } from '../../model/keyTemplate';
import { Field, useIssuesAt } from './fields';

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
  const next = `${before}${name}${closing}${after}`;
  return { text: next, caret: before.length + name.length + 2 };
}

export function KeyTemplateField({
  label,
  value,
  onChange,
  attributes,
  path,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  attributes: readonly string[];
  path: string;
  placeholder?: string;
}) {
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [completion, setCompletion] = useState<Completion>();
  const [active, setActive] = useState(0);
  const storeIssues = useIssuesAt(path);
  const syntaxErrors = useMemo(
    () => parseKeyTemplate(value).errors.map((e) => e.message).filter((message) => !storeIssues.some((issue) => issue.message.includes(message))),
    [value, storeIssues],
  );

  const refresh = (text: string, caret: number | null) => {
    const next = caret === null ? undefined : completionAt(text, caret, attributes);
    setCompletion(next);
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
    if (!completion) return;
    const count = completion.options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const name = completion.options[active];
      if (name !== undefined) {
        event.preventDefault();
        accept(name);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setCompletion(undefined);
    }
  };

  const open = completion !== undefined;
  return (
    <Field label={label} path={path} localErrors={syntaxErrors}>
      {(control) => (
        <div className="combobox">
          <input
            {...control}
            ref={input}
            type="text"
            className="key-template"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={open ? `${listId}-${active}` : undefined}
            value={value}
            placeholder={placeholder}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => {
              onChange(e.target.value);
              refresh(e.target.value, e.target.selectionStart);
            }}
            onKeyDown={onKeyDown}
            onClick={(e) => refresh(e.currentTarget.value, e.currentTarget.selectionStart)}
            onBlur={() => setCompletion(undefined)}
          />
          <ul id={listId} role="listbox" aria-label={`Attributes for ${label}`} className="completions" hidden={!open}>
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
      )}
    </Field>
  );
}
