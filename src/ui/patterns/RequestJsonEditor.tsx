// The raw request in Monaco: validated against the operation's schema as you type, with
// completions for attribute names and placeholders and the checks' problems underlined.
// Text that does not parse stays in the editor (and the tab's store) until it does.
import { useMemo } from 'react';
import { requestSchema, type Verdict } from '../../model/accessPatterns';
import type { AccessPattern, DesignModel } from '../../model/types';
import { usePatternsStore } from '../../store/patternsStore';
import { CodeEditor, type EditorCompletion } from '../monaco';
import { setRequest } from './patternEdits';
import { requestDraftProblem } from './requestDraft';
import { requestMarkers } from './requestMarkers';

function completionsFor(model: DesignModel, pattern: AccessPattern): EditorCompletion[] {
  const attributes = new Set<string>([model.table.partitionKey.name]);
  if (model.table.sortKey) attributes.add(model.table.sortKey.name);
  for (const g of model.globalSecondaryIndexes) {
    attributes.add(g.partitionKey.name);
    if (g.sortKey) attributes.add(g.sortKey.name);
  }
  for (const l of model.localSecondaryIndexes) attributes.add(l.sortKey.name);
  for (const e of model.entities) for (const a of e.attributes) attributes.add(a.name);
  const placeholders = new Set([...pattern.parameters.map((p) => p.name), 'table']);
  for (const e of model.entities) if (!pattern.entity || e.id === pattern.entity) for (const a of e.attributes) placeholders.add(a.name);
  return [
    ...[...attributes].map((name): EditorCompletion => ({ label: name, kind: 'attribute', detail: 'attribute' })),
    ...[...placeholders].map((name): EditorCompletion => ({ label: `{{${name}}}`, kind: 'placeholder', detail: name === 'table' ? 'the table name' : 'parameter' })),
    ...[...model.globalSecondaryIndexes, ...model.localSecondaryIndexes].map((i): EditorCompletion => ({ label: i.name, kind: 'keyword', detail: 'index' })),
  ];
}

export default function RequestJsonEditor({ model, pattern, verdicts }: { model: DesignModel; pattern: AccessPattern; verdicts: readonly Verdict[] }) {
  const draft = usePatternsStore((s) => s.drafts[pattern.id]);
  const setDraft = usePatternsStore((s) => s.setDraft);
  const saved = useMemo(() => JSON.stringify(pattern.request, null, 2), [pattern.request]);
  const text = draft ?? saved;
  const schema = useMemo(() => requestSchema(pattern.operation), [pattern.operation]);
  const completions = useMemo(() => completionsFor(model, pattern), [model, pattern]);
  const markers = useMemo(() => (draft === undefined ? requestMarkers(text, verdicts) : []), [draft, text, verdicts]);

  const onChange = (next: string) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(next);
    } catch {
      setDraft(pattern.id, next);
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setDraft(pattern.id, next);
      return;
    }
    setDraft(pattern.id, undefined);
    const request = parsed as Record<string, unknown>;
    const indexName = request.IndexName;
    const index = [...model.globalSecondaryIndexes, ...model.localSecondaryIndexes].find((i) => i.name === indexName)?.id;
    // The JSON is the source of truth: without a known IndexName the pattern targets the table.
    setRequest(pattern.id, 'Edit request JSON', request, { index });
  };

  return (
    <div>
      <CodeEditor
        label="Request JSON"
        language="json"
        path={`tablesmith/pattern-${pattern.id}.json`}
        value={text}
        onChange={onChange}
        jsonSchema={schema}
        markers={markers}
        completions={completions}
      />
      {draft !== undefined && (
        <p className="ap-error" role="status">
          {requestDraftProblem(draft) ?? 'The request JSON is not a request yet'}. Run is off, and the pattern keeps its last valid request, until it is fixed.
        </p>
      )}
    </div>
  );
}
