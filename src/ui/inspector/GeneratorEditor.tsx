// Sample-value generator of an attribute: a kind, plus that kind's options as JSON (they
// range from a min/max to nested list/map generators, so one JSON field covers them all).
import { useEffect, useState } from 'react';
import type { Generator } from '../../model/types';
import { Field } from './fields';

type Kind = Generator['kind'];

/** A starting point for each kind, used when the user switches kinds. */
export const GENERATOR_DEFAULTS: { [K in Kind]: Extract<Generator, { kind: K }> } = {
  uuid: { kind: 'uuid' },
  ulid: { kind: 'ulid' },
  email: { kind: 'email' },
  personName: { kind: 'personName' },
  username: { kind: 'username' },
  isoDate: { kind: 'isoDate' },
  epochSeconds: { kind: 'epochSeconds' },
  integer: { kind: 'integer', min: 0, max: 1000 },
  decimal: { kind: 'decimal', min: 0, max: 100, scale: 2 },
  enum: { kind: 'enum', values: ['A', 'B'] },
  sentence: { kind: 'sentence', words: 4 },
  url: { kind: 'url' },
  boolean: { kind: 'boolean' },
  constant: { kind: 'constant', value: 'value' },
  copy: { kind: 'copy', attribute: '' },
  reference: { kind: 'reference', relationship: '', attribute: '' },
  count: { kind: 'count', relationship: '' },
  list: { kind: 'list', of: { kind: 'sentence', words: 3 }, min: 0, max: 3 },
  set: { kind: 'set', of: { kind: 'enum', values: ['a', 'b', 'c'] }, min: 1, max: 2 },
  map: { kind: 'map', fields: [] },
};

const KIND_LABELS: Record<Kind, string> = {
  uuid: 'UUID',
  ulid: 'ULID',
  email: 'Email',
  personName: 'Person name',
  username: 'Username',
  isoDate: 'ISO date',
  epochSeconds: 'Epoch seconds',
  integer: 'Integer range',
  decimal: 'Decimal range',
  enum: 'One of values',
  sentence: 'Sentence',
  url: 'URL',
  boolean: 'Boolean',
  constant: 'Constant',
  copy: 'Copy of attribute',
  reference: 'Reference (relationship)',
  count: 'Count of related items',
  list: 'List of…',
  set: 'Set of…',
  map: 'Map of fields',
};

function optionsText(generator: Generator): string {
  const { kind: _kind, ...options } = generator;
  return Object.keys(options).length ? JSON.stringify(options) : '';
}

function sameOptions(text: string, generator: Generator): boolean {
  try {
    return optionsText({ ...(JSON.parse(text || '{}') as object), kind: generator.kind } as Generator) === optionsText(generator);
  } catch {
    return false;
  }
}

export function GeneratorEditor({ generator, onChange, label, path }: { generator: Generator; onChange: (g: Generator) => void; label: string; path: string }) {
  const [text, setText] = useState(() => optionsText(generator));
  const [error, setError] = useState<string>();
  useEffect(() => {
    // Keep the user's own spelling while it means the same thing (typing); follow undo/import.
    setText((current) => (sameOptions(current, generator) ? current : optionsText(generator)));
  }, [generator]);

  const hasOptions = optionsText(GENERATOR_DEFAULTS[generator.kind]) !== '' || text !== '';
  return (
    <div className="generator-editor">
      <Field label={`${label} generator`} path={path}>
        {(control) => (
          <select {...control} value={generator.kind} onChange={(e) => onChange(GENERATOR_DEFAULTS[e.target.value as Kind])}>
            {(Object.keys(KIND_LABELS) as Kind[]).map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {hasOptions && (
        <Field label={`${label} generator options`} localErrors={error ? [error] : undefined}>
          {(control) => (
            <input
              {...control}
              type="text"
              className="mono"
              value={text}
              spellCheck={false}
              onChange={(e) => {
                setText(e.target.value);
                try {
                  const parsed: unknown = JSON.parse(e.target.value || '{}');
                  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('options must be a JSON object, e.g. {"min": 1, "max": 9}');
                  setError(undefined);
                  onChange({ ...(parsed as object), kind: generator.kind } as Generator);
                } catch (err) {
                  setError(err instanceof SyntaxError ? `not valid JSON: ${err.message}` : err instanceof Error ? err.message : String(err));
                }
              }}
            />
          )}
        </Field>
      )}
    </div>
  );
}
