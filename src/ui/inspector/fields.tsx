// Labelled form controls that show the model's validation issues in place: the message sits
// next to the field, which is marked aria-invalid and points at it with aria-describedby.
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { ModelIssue } from '../../model/types';
import { useDesignStore } from '../../store/designStore';
import { numberError } from './numberError';

const NO_ISSUES: ModelIssue[] = [];

/** Issues located exactly at `path` (a JSON pointer into the model). */
export function useIssuesAt(path: string | undefined): ModelIssue[] {
  const issues = useDesignStore((state) => state.issues);
  return useMemo(() => {
    if (path === undefined) return NO_ISSUES;
    const found = issues.filter((issue) => issue.path === path);
    return found.length ? found : NO_ISSUES;
  }, [issues, path]);
}

export function FieldMessages({ id, issues, extra }: { id: string; issues: readonly ModelIssue[]; extra?: readonly string[] }) {
  if (!issues.length && !extra?.length) return null;
  return (
    <ul id={id} className="field-messages">
      {extra?.map((message) => (
        <li key={`local:${message}`} className="severity-error">
          {message}
        </li>
      ))}
      {issues.map((issue) => (
        <li key={`${issue.code}:${issue.message}`} className={`severity-${issue.severity}`}>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

interface FieldProps {
  label: string;
  /** JSON pointer of the model value this field edits, for in-place issues. */
  path?: string;
  hint?: ReactNode;
}

/** Field wrapper: label, control, messages; gives the control its ids and invalid state. */
export function Field({
  label,
  path,
  hint,
  localErrors,
  children,
}: FieldProps & {
  localErrors?: readonly string[];
  children: (control: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}) {
  const id = useId();
  const issues = useIssuesAt(path);
  const messageId = `${id}-messages`;
  const hasErrors = Boolean(localErrors?.length) || issues.some((i) => i.severity === 'error');
  const described = issues.length || localErrors?.length ? messageId : undefined;
  return (
    <div className={`field${hasErrors ? ' is-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': hasErrors, 'aria-describedby': described })}
      {hint && <p className="field-hint">{hint}</p>}
      <FieldMessages id={messageId} issues={issues} extra={localErrors} />
    </div>
  );
}

export function TextField({ value, onChange, placeholder, ...props }: FieldProps & { value: string; onChange: (value: string) => void; placeholder?: string }) {
  return (
    <Field {...props}>
      {(control) => <input {...control} type="text" value={value} placeholder={placeholder} spellCheck={false} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/**
 * A number input that only reports acceptable numbers; anything else stays as typed, with
 * its error next to the field, and the model keeps its last good value.
 */
export function NumberField({
  value,
  onChange,
  min,
  max,
  step,
  ...props
}: FieldProps & { value: number; onChange: (value: number) => void; min?: number; max?: number; step?: 1 | 'any' }) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    // Follow outside changes (undo, import) without fighting a half-typed entry.
    setText((current) => (Number(current) === value && current.trim() !== '' ? current : String(value)));
  }, [value]);
  const error = numberError(text, min, max, step);
  return (
    <Field {...props} localErrors={error === undefined ? undefined : [error]}>
      {(control) => (
        <input
          {...control}
          type="number"
          value={text}
          min={min}
          max={max}
          step={step}
          onChange={(e) => {
            setText(e.target.value);
            if (numberError(e.target.value, min, max, step) === undefined) onChange(Number(e.target.value));
          }}
        />
      )}
    </Field>
  );
}

export function SelectField<T extends string>({
  value,
  options,
  onChange,
  ...props
}: FieldProps & { value: T; options: readonly { value: T; label: string }[]; onChange: (value: T) => void }) {
  return (
    <Field {...props}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({ label, checked, onChange, path }: { label: string; checked: boolean; onChange: (checked: boolean) => void; path?: string }) {
  const id = useId();
  const issues = useIssuesAt(path);
  return (
    <div className="field field-checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={issues.length ? `${id}-messages` : undefined} />
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={`${id}-messages`} issues={issues} />
    </div>
  );
}
