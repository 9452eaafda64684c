// Inspector for a GSI or an LSI: name, key attributes, projection and a GSI's own capacity.
import type { GlobalSecondaryIndex, KeyAttribute, KeyType, LocalSecondaryIndex, Projection, ProjectionType } from '../../model/types';
import { useId } from 'react';
import { useDesignStore } from '../../store/designStore';
import { runCommand } from '../../store/commands';
import { CheckboxField, FieldMessages, SelectField, TextField, useIssuesAt } from './fields';
import { ThroughputFields } from './CapacityFields';
import { updateIndex, type GlobalIndexPatch, type LocalIndexPatch } from '../../model/commands';

export const KEY_TYPES: { value: KeyType; label: string }[] = [
  { value: 'S', label: 'S (string)' },
  { value: 'N', label: 'N (number)' },
  { value: 'B', label: 'B (binary)' },
];

const PROJECTIONS: { value: ProjectionType; label: string }[] = [
  { value: 'ALL', label: 'ALL' },
  { value: 'KEYS_ONLY', label: 'KEYS_ONLY' },
  { value: 'INCLUDE', label: 'INCLUDE' },
];

export function KeyAttributeFields({ label, keyAttribute, path, onChange }: { label: string; keyAttribute: KeyAttribute; path: string; onChange: (k: KeyAttribute) => void }) {
  return (
    <div className="field-row">
      <TextField label={`${label} name`} path={`${path}/name`} value={keyAttribute.name} onChange={(name) => onChange({ ...keyAttribute, name })} />
      <SelectField label={`${label} type`} path={`${path}/type`} value={keyAttribute.type} options={KEY_TYPES} onChange={(type) => onChange({ ...keyAttribute, type })} />
    </div>
  );
}

function ProjectionFields({ projection, path, onChange }: { projection: Projection; path: string; onChange: (p: Projection) => void }) {
  return (
    <>
      <SelectField
        label="Projection"
        path={`${path}/type`}
        value={projection.type}
        options={PROJECTIONS}
        onChange={(type) => onChange(type === 'INCLUDE' ? { type, nonKeyAttributes: projection.nonKeyAttributes ?? [] } : { type })}
      />
      {projection.type === 'INCLUDE' && (
        <TextField
          label="Projected attributes (comma-separated)"
          path={`${path}/nonKeyAttributes`}
          value={(projection.nonKeyAttributes ?? []).join(', ')}
          onChange={(text) => onChange({ type: 'INCLUDE', nonKeyAttributes: text.split(',').map((s) => s.trim()).filter(Boolean) })}
        />
      )}
    </>
  );
}

/**
 * A GSI's own provisioned capacity. Without it the index gets the table's fixed units; on an
 * on-demand table it is ignored, which its warning says next to the button that removes it.
 */
function GsiCapacity({
  throughput,
  path,
  provisioned,
  onChange,
}: {
  throughput: GlobalSecondaryIndex['throughput'];
  path: string;
  provisioned: boolean;
  onChange: (throughput: GlobalSecondaryIndex['throughput']) => void;
}) {
  const messagesId = useId();
  const issues = useIssuesAt(path);
  if (!provisioned && throughput === undefined) return null;
  return (
    <>
      <h3>Capacity</h3>
      {provisioned && throughput && (
        <>
          <ThroughputFields label="Read" path={`${path}/read`} setting={throughput.read} onChange={(read) => onChange({ ...throughput, read })} />
          <ThroughputFields label="Write" path={`${path}/write`} setting={throughput.write} onChange={(write) => onChange({ ...throughput, write })} />
        </>
      )}
      {throughput ? (
        <button type="button" aria-describedby={issues.length ? messagesId : undefined} onClick={() => onChange(undefined)}>
          Remove index capacity
        </button>
      ) : (
        <>
          <p className="hint">Without its own capacity the index gets the table's read and write units, without auto-scaling.</p>
          <button type="button" onClick={() => onChange({ read: { units: 5 }, write: { units: 5 } })}>
            Set index capacity
          </button>
        </>
      )}
      <FieldMessages id={messagesId} issues={issues} />
    </>
  );
}

export function GsiInspector({ id }: { id: string }) {
  const model = useDesignStore((s) => s.model);
  const updateModel = useDesignStore((s) => s.updateModel);
  const position = model.globalSecondaryIndexes.findIndex((g) => g.id === id);
  const index = model.globalSecondaryIndexes[position];
  if (!index) return null;
  const base = `/globalSecondaryIndexes/${position}`;
  const edit = (what: string, recipe: (i: GlobalSecondaryIndex) => GlobalIndexPatch) =>
    updateModel(`Edit ${index.name} ${what}`, (m) => updateIndex(m, { indexId: id, patch: recipe(m.globalSecondaryIndexes.find((g) => g.id === id) ?? index) }));
  return (
    <section aria-label={`Global secondary index ${index.name}`} className="inspector-section">
      <h2>Global secondary index</h2>
      <TextField label="Index name" path={`${base}/name`} value={index.name} onChange={(name) => updateModel('Rename index', (m) => updateIndex(m, { indexId: id, patch: { name } }))} />
      <KeyAttributeFields label="Partition key" path={`${base}/partitionKey`} keyAttribute={index.partitionKey} onChange={(partitionKey) => edit('partition key', () => ({ partitionKey }))} />
      <CheckboxField
        label="Has a sort key"
        checked={index.sortKey !== undefined}
        onChange={(on) =>
          edit('sort key', (i) => ({ sortKey: on ? { name: `${i.name}SK`, type: 'S' } : undefined }))
        }
      />
      {index.sortKey && <KeyAttributeFields label="Sort key" path={`${base}/sortKey`} keyAttribute={index.sortKey} onChange={(sortKey) => edit('sort key', () => ({ sortKey }))} />}
      <ProjectionFields projection={index.projection} path={`${base}/projection`} onChange={(projection) => edit('projection', () => ({ projection }))} />
      <GsiCapacity throughput={index.throughput} path={`${base}/throughput`} provisioned={model.table.billing.mode === 'PROVISIONED'} onChange={(throughput) => edit('capacity', () => ({ throughput }))} />
      <div className="inspector-actions">
        <button type="button" onClick={() => runCommand('duplicate')}>
          Duplicate index
        </button>
        <button type="button" className="danger" onClick={() => runCommand('delete')}>
          Delete index
        </button>
      </div>
    </section>
  );
}

export function LsiInspector({ id }: { id: string }) {
  const model = useDesignStore((s) => s.model);
  const updateModel = useDesignStore((s) => s.updateModel);
  const position = model.localSecondaryIndexes.findIndex((l) => l.id === id);
  const index = model.localSecondaryIndexes[position];
  if (!index) return null;
  const base = `/localSecondaryIndexes/${position}`;
  const edit = (what: string, recipe: (i: LocalSecondaryIndex) => LocalIndexPatch) =>
    updateModel(`Edit ${index.name} ${what}`, (m) => updateIndex(m, { indexId: id, patch: recipe(m.localSecondaryIndexes.find((l) => l.id === id) ?? index) }));
  return (
    <section aria-label={`Local secondary index ${index.name}`} className="inspector-section">
      <h2>Local secondary index</h2>
      <p className="hint">Shares the table's partition key ({model.table.partitionKey.name}); can only be created with the table.</p>
      <TextField label="Index name" path={`${base}/name`} value={index.name} onChange={(name) => updateModel('Rename index', (m) => updateIndex(m, { indexId: id, patch: { name } }))} />
      <KeyAttributeFields label="Sort key" path={`${base}/sortKey`} keyAttribute={index.sortKey} onChange={(sortKey) => edit('sort key', () => ({ sortKey }))} />
      <ProjectionFields projection={index.projection} path={`${base}/projection`} onChange={(projection) => edit('projection', () => ({ projection }))} />
      <div className="inspector-actions">
        <button type="button" onClick={() => runCommand('duplicate')}>
          Duplicate index
        </button>
        <button type="button" className="danger" onClick={() => runCommand('delete')}>
          Delete index
        </button>
      </div>
    </section>
  );
}
