// Inspector for the table: keys, capacity and auto-scaling, stream, TTL, backups, protection,
// encryption, class and tags.
import type { Billing, Encryption, StreamViewType, TableDesign } from '../../model/types';
import { useDesignStore } from '../../store/designStore';
import { runCommand } from '../../store/commands';
import { CheckboxField, Field, SelectField, TextField } from './fields';
import { ThroughputFields } from './CapacityFields';
import { KeyAttributeFields } from './IndexInspector';
import { updateTable } from '../../model/commands';

const STREAM_OPTIONS: { value: StreamViewType | 'NONE'; label: string }[] = [
  { value: 'NONE', label: 'Disabled' },
  { value: 'KEYS_ONLY', label: 'KEYS_ONLY' },
  { value: 'NEW_IMAGE', label: 'NEW_IMAGE' },
  { value: 'OLD_IMAGE', label: 'OLD_IMAGE' },
  { value: 'NEW_AND_OLD_IMAGES', label: 'NEW_AND_OLD_IMAGES' },
];

export function TableInspector() {
  const table = useDesignStore((s) => s.model.table);
  const description = useDesignStore((s) => s.model.description ?? '');
  const updateModel = useDesignStore((s) => s.updateModel);
  const edit = (what: string, recipe: (t: TableDesign) => Partial<TableDesign>) => updateModel(`Edit table ${what}`, (m) => updateTable(m, { patch: recipe(m.table) }));
  const billing = table.billing;

  const setBilling = (mode: Billing['mode']) =>
    edit('billing', (t) => ({
      ...t,
      billing: mode === 'PAY_PER_REQUEST' ? { mode } : { mode, read: { units: 5 }, write: { units: 5 } },
    }));

  const setEncryption = (type: Encryption['type']) =>
    edit('encryption', (t) => ({ ...t, encryption: type === 'CUSTOMER_MANAGED' ? { type, kmsKeyArn: '' } : { type } }));

  return (
    <section aria-label={`Table ${table.name}`} className="inspector-section">
      <h2>Design</h2>
      <Field label="Design description" path="/description">
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={description}
            onChange={(e) => {
              const text = e.target.value;
              updateModel('Edit design description', (m) => {
                const { description: _old, ...rest } = m;
                return text === '' ? rest : { ...rest, description: text };
              });
            }}
          />
        )}
      </Field>
      <h2>Table</h2>
      <TextField label="Table name" path="/table/name" value={table.name} onChange={(name) => edit('name', (t) => ({ ...t, name }))} />
      <KeyAttributeFields label="Partition key" path="/table/partitionKey" keyAttribute={table.partitionKey} onChange={(partitionKey) => edit('partition key', (t) => ({ ...t, partitionKey }))} />
      <CheckboxField
        label="Table has a sort key"
        checked={table.sortKey !== undefined}
        onChange={(on) =>
          edit('sort key', () => ({ sortKey: on ? { name: 'SK', type: 'S' } : undefined }))
        }
      />
      {table.sortKey && <KeyAttributeFields label="Sort key" path="/table/sortKey" keyAttribute={table.sortKey} onChange={(sortKey) => edit('sort key', (t) => ({ ...t, sortKey }))} />}

      <h3>Capacity</h3>
      <SelectField
        label="Billing mode"
        path="/table/billing/mode"
        value={billing.mode}
        options={[
          { value: 'PAY_PER_REQUEST', label: 'On-demand (PAY_PER_REQUEST)' },
          { value: 'PROVISIONED', label: 'Provisioned' },
        ]}
        onChange={setBilling}
      />
      {billing.mode === 'PROVISIONED' && (
        <>
          <ThroughputFields label="Read" path="/table/billing/read" setting={billing.read} onChange={(read) => edit('read capacity', (t) => (t.billing.mode === 'PROVISIONED' ? { ...t, billing: { ...t.billing, read } } : t))} />
          <ThroughputFields label="Write" path="/table/billing/write" setting={billing.write} onChange={(write) => edit('write capacity', (t) => (t.billing.mode === 'PROVISIONED' ? { ...t, billing: { ...t.billing, write } } : t))} />
        </>
      )}

      <h3>Features</h3>
      <SelectField
        label="Stream"
        path="/table/streamViewType"
        value={table.streamViewType ?? 'NONE'}
        options={STREAM_OPTIONS}
        onChange={(value) =>
          edit('stream', () => ({ streamViewType: value === 'NONE' ? undefined : value }))
        }
      />
      <TextField
        label="TTL attribute"
        path="/table/ttlAttribute"
        value={table.ttlAttribute ?? ''}
        placeholder="empty: TTL disabled"
        onChange={(value) =>
          edit('TTL', () => ({ ttlAttribute: value || undefined }))
        }
      />
      <CheckboxField label="Point-in-time recovery" path="/table/pointInTimeRecovery" checked={table.pointInTimeRecovery} onChange={(pointInTimeRecovery) => edit('point-in-time recovery', (t) => ({ ...t, pointInTimeRecovery }))} />
      <CheckboxField label="Deletion protection" path="/table/deletionProtection" checked={table.deletionProtection} onChange={(deletionProtection) => edit('deletion protection', (t) => ({ ...t, deletionProtection }))} />
      <SelectField
        label="Encryption"
        path="/table/encryption/type"
        value={table.encryption.type}
        options={[
          { value: 'AWS_OWNED', label: 'AWS owned key' },
          { value: 'AWS_MANAGED', label: 'AWS managed key (aws/dynamodb)' },
          { value: 'CUSTOMER_MANAGED', label: 'Customer managed KMS key' },
        ]}
        onChange={setEncryption}
      />
      {table.encryption.type === 'CUSTOMER_MANAGED' && (
        <TextField
          label="KMS key ARN"
          path="/table/encryption/kmsKeyArn"
          value={table.encryption.kmsKeyArn}
          onChange={(kmsKeyArn) => edit('KMS key', (t) => ({ ...t, encryption: { type: 'CUSTOMER_MANAGED', kmsKeyArn } }))}
        />
      )}
      <SelectField
        label="Table class"
        path="/table/tableClass"
        value={table.tableClass}
        options={[
          { value: 'STANDARD', label: 'Standard' },
          { value: 'STANDARD_INFREQUENT_ACCESS', label: 'Standard-Infrequent Access' },
        ]}
        onChange={(tableClass) => edit('class', (t) => ({ ...t, tableClass }))}
      />

      <h3>Tags</h3>
      {table.tags.map((tag, i) => (
        <div key={i} className="field-row">
          <TextField label={`Tag ${i + 1} key`} path={`/table/tags/${i}/key`} value={tag.key} onChange={(key) => edit('tags', (t) => ({ ...t, tags: t.tags.map((x, j) => (j === i ? { ...x, key } : x)) }))} />
          <TextField label={`Tag ${i + 1} value`} path={`/table/tags/${i}/value`} value={tag.value} onChange={(value) => edit('tags', (t) => ({ ...t, tags: t.tags.map((x, j) => (j === i ? { ...x, value } : x)) }))} />
          <button type="button" className="danger subtle" aria-label={`Remove tag ${i + 1}`} onClick={() => edit('tags', (t) => ({ ...t, tags: t.tags.filter((_x, j) => j !== i) }))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => edit('tags', (t) => ({ ...t, tags: [...t.tags, { key: '', value: '' }] }))}>
        Add tag
      </button>

      <div className="inspector-actions">
        <button type="button" onClick={() => runCommand('addGsi')}>
          Add GSI
        </button>
        <button type="button" onClick={() => runCommand('addLsi')}>
          Add LSI
        </button>
      </div>
    </section>
  );
}
