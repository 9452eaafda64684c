// Inspector for one entity: its name and sample count, the key templates for the table and
// every index, and its attributes with their types and sample generators.
import { useEffect, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { AttributeType, DesignModel, Entity } from '../../model/types';
import { pointer } from '../../model/validate';
import { useDesignStore } from '../../store/designStore';
import { newAttributeName, registerViewBridge, runCommand } from '../../store/commands';
import { CheckboxField, Field, NumberField, SelectField, TextField } from './fields';
import { GeneratorEditor } from './GeneratorEditor';
import { KeyTemplateField } from './KeyTemplateField';
import { RelationshipsEditor } from './RelationshipsEditor';
import { addAttribute, deleteAttribute, renameAttribute, renameEntity, setKeyTemplate, updateAttribute, updateEntity, uniqueName } from '../../model/commands';

type KeyPart = 'partitionKey' | 'sortKey';

export const ATTRIBUTE_TYPES: { value: AttributeType; label: string }[] = [
  { value: 'S', label: 'S (string)' },
  { value: 'N', label: 'N (number)' },
  { value: 'B', label: 'B (binary)' },
  { value: 'BOOL', label: 'BOOL' },
  { value: 'NULL', label: 'NULL' },
  { value: 'M', label: 'M (map)' },
  { value: 'L', label: 'L (list)' },
  { value: 'SS', label: 'SS (string set)' },
  { value: 'NS', label: 'NS (number set)' },
  { value: 'BS', label: 'BS (binary set)' },
];

const TYPE_CODES = new Set<string>(ATTRIBUTE_TYPES.map((t) => t.value));

/** Pasted lines as attributes: `name`, or `name<Tab or comma>type` as a spreadsheet copies them. */
export function pastedAttributes(text: string): { name: string; type?: AttributeType }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.split(/\t|,/).map((cell) => cell.trim()))
    .filter(([name]) => name)
    .map(([name = '', type]) => (type && TYPE_CODES.has(type.toUpperCase()) ? { name, type: type.toUpperCase() as AttributeType } : { name }));
}

/** Which keys of the table and its indexes an attribute appears in, e.g. "PK, GSI1 SK". */
function keysUsing(entity: Entity, attributeName: string, indexNames: ReadonlyMap<string, string>): string {
  const placeholder = `{{${attributeName}}}`;
  const used: string[] = [];
  if (entity.keys.partitionKey.includes(placeholder)) used.push('PK');
  if (entity.keys.sortKey?.includes(placeholder)) used.push('SK');
  for (const [indexId, keys] of Object.entries(entity.keys.indexes)) {
    const name = indexNames.get(indexId) ?? indexId;
    if (keys.partitionKey?.includes(placeholder)) used.push(`${name} PK`);
    if (keys.sortKey?.includes(placeholder)) used.push(`${name} SK`);
  }
  return used.join(', ');
}

export function EntityInspector({ entity, entityIndex }: { entity: Entity; entityIndex: number }) {
  const model = useDesignStore((s) => s.model);
  const updateModel = useDesignStore((s) => s.updateModel);
  const base = `/entities/${entityIndex}`;
  const attributeNames = entity.attributes.map((a) => a.name);
  const grid = useRef<HTMLDivElement>(null);
  const focusPending = useRef<string | undefined>(undefined);
  const indexNames = new Map([...model.globalSecondaryIndexes, ...model.localSecondaryIndexes].map((i) => [i.id, i.name] as const));

  useEffect(() => registerViewBridge({ focusAttribute: (attributeId) => (focusPending.current = attributeId) }), []);
  // A new attribute's row exists only after the store's update renders; focus it then.
  useEffect(() => {
    const attributeId = focusPending.current;
    if (!attributeId) return;
    const field = grid.current?.querySelector<HTMLInputElement>(`input[data-attribute-id="${CSS.escape(attributeId)}"]`);
    if (!field) return;
    focusPending.current = undefined;
    field.focus();
    field.select();
  }, [entity.attributes]);

  const addAttributes = (rows: { name: string; type?: AttributeType }[]) => {
    let taken = new Set(attributeNames);
    let lastId: string | undefined;
    updateModel(rows.length === 1 ? `Add attribute to ${entity.name}` : `Add ${rows.length} attributes to ${entity.name}`, (m) => {
      let next = m;
      for (const row of rows) {
        const name = taken.has(row.name) ? newAttributeName(taken) : row.name;
        taken = new Set([...taken, name]);
        next = addAttribute(next, { entityId: entity.id, name, ...(row.type ? { type: row.type } : {}), required: false });
      }
      lastId = next.entities.find((e) => e.id === entity.id)?.attributes.at(-1)?.id;
      return next;
    });
    if (lastId) focusPending.current = lastId;
  };
  const onNameKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    addAttributes([{ name: newAttributeName(new Set(attributeNames)) }]);
  };
  const onNamePaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (!text.trim().includes('\n')) return;
    event.preventDefault();
    addAttributes(pastedAttributes(text));
  };

  const edit = (what: string, recipe: (m: DesignModel) => DesignModel) => updateModel(`Edit ${entity.name} ${what}`, recipe);
  const keyField = (label: string, indexId: string | undefined, part: KeyPart, keyName: string, keyType: string) => {
    const value = indexId === undefined ? (entity.keys[part] ?? '') : (entity.keys.indexes[indexId]?.[part] ?? '');
    const path = indexId === undefined ? pointer('entities', entityIndex, 'keys', part) : pointer('entities', entityIndex, 'keys', 'indexes', indexId, part);
    return (
      <KeyTemplateField
        key={`${indexId ?? 'table'}:${part}`}
        label={`${label} ${keyName} (${keyType})`}
        value={value}
        path={path}
        attributes={attributeNames}
        placeholder={indexId === undefined ? 'e.g. USER#{{userId}}' : 'empty: not in this index'}
        onChange={(text) => edit(`${label} ${keyName}`, (m) => setKeyTemplate(m, { entityId: entity.id, ...(indexId === undefined ? {} : { indexId }), key: part, template: text }))}
      />
    );
  };

  return (
    <section aria-label={`Entity ${entity.name}`} className="inspector-section">
      <h2>Entity</h2>
      <TextField label="Entity name" path={`${base}/name`} value={entity.name} onChange={(name) => updateModel('Rename entity', (m) => renameEntity(m, { entityId: entity.id, name }))} />
      <TextField label="Description" path={`${base}/description`} value={entity.description ?? ''} onChange={(description) => edit('description', (m) => updateEntity(m, { entityId: entity.id, patch: { description: description || undefined } }))} />
      <TextField
        label="Entity type attribute"
        path={`${base}/typeAttribute`}
        value={entity.typeAttribute ?? ''}
        placeholder="e.g. entityType"
        onChange={(typeAttribute) =>
          edit('type attribute', (m) => updateEntity(m, { entityId: entity.id, patch: { typeAttribute: typeAttribute || undefined } }))
        }
      />
      <NumberField label="Sample items" path={`${base}/sampleCount`} min={0} max={5000} step={1} value={entity.sampleCount} onChange={(sampleCount) => edit('sample count', (m) => updateEntity(m, { entityId: entity.id, patch: { sampleCount } }))} />

      <h3>Key templates</h3>
      {keyField('Table', undefined, 'partitionKey', model.table.partitionKey.name, model.table.partitionKey.type)}
      {model.table.sortKey && keyField('Table', undefined, 'sortKey', model.table.sortKey.name, model.table.sortKey.type)}
      {model.globalSecondaryIndexes.map((gsi) => (
        <fieldset key={gsi.id} className="key-group">
          <legend>{gsi.name}</legend>
          {keyField(gsi.name, gsi.id, 'partitionKey', gsi.partitionKey.name, gsi.partitionKey.type)}
          {gsi.sortKey && keyField(gsi.name, gsi.id, 'sortKey', gsi.sortKey.name, gsi.sortKey.type)}
        </fieldset>
      ))}
      {model.localSecondaryIndexes.map((lsi) => (
        <fieldset key={lsi.id} className="key-group">
          <legend>{lsi.name}</legend>
          {keyField(lsi.name, lsi.id, 'sortKey', lsi.sortKey.name, lsi.sortKey.type)}
        </fieldset>
      ))}

      <h3 id={`${base}-attributes`}>Attributes</h3>
      <p className="hint">Enter in a name adds the next attribute; pasting several lines (name, or name and type) adds one each.</p>
      <div ref={grid} className="attribute-grid" role="group" aria-labelledby={`${base}-attributes`}>
      {entity.attributes.map((attribute, attributeIndex) => {
        const path = `${base}/attributes/${attributeIndex}`;
        const name = attribute.name || `attribute ${attributeIndex + 1}`;
        const keys = keysUsing(entity, attribute.name, indexNames);
        return (
          <fieldset key={attribute.id} className="attribute-row" aria-label={`Attribute ${name}`}>
            <legend>{name}</legend>
            <Field label={`Name of ${name}`} path={`${path}/name`}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  data-attribute-id={attribute.id}
                  value={attribute.name}
                  spellCheck={false}
                  onKeyDown={onNameKeyDown}
                  onPaste={onNamePaste}
                  onChange={(e) => updateModel(`Rename attribute of ${entity.name}`, (m) => renameAttribute(m, { entityId: entity.id, attributeId: attribute.id, name: e.target.value }))}
                />
              )}
            </Field>
            <SelectField label={`Type of ${name}`} path={`${path}/type`} value={attribute.type} options={ATTRIBUTE_TYPES} onChange={(type) => edit(`${attribute.name} type`, (m) => updateAttribute(m, { entityId: entity.id, attributeId: attribute.id, patch: { type } }))} />
            <CheckboxField label={`${name} is required`} path={`${path}/required`} checked={attribute.required} onChange={(required) => edit(`${attribute.name} required`, (m) => updateAttribute(m, { entityId: entity.id, attributeId: attribute.id, patch: { required } }))} />
            <p className="attribute-keys">{keys ? `In ${keys}` : 'In no key'}</p>
            <GeneratorEditor label={name} path={`${path}/generator`} generator={attribute.generator} onChange={(generator) => edit(`${attribute.name} generator`, (m) => updateAttribute(m, { entityId: entity.id, attributeId: attribute.id, patch: { generator } }))} />
            <button
              type="button"
              className="subtle"
              onClick={() =>
                updateModel(`Duplicate attribute ${attribute.name} of ${entity.name}`, (m) =>
                  addAttribute(m, {
                    entityId: entity.id,
                    name: uniqueName(`${attribute.name}Copy`, new Set(entity.attributes.map((a) => a.name))),
                    type: attribute.type,
                    required: attribute.required,
                    generator: structuredClone(attribute.generator),
                  }),
                )
              }
            >
              Duplicate attribute {name}
            </button>
            <button type="button" className="danger subtle" onClick={() => updateModel(`Delete attribute ${attribute.name} of ${entity.name}`, (m) => deleteAttribute(m, { entityId: entity.id, attributeId: attribute.id }))}>
              Delete attribute {name}
            </button>
          </fieldset>
        );
      })}
      </div>
      <button type="button" onClick={() => runCommand('addAttribute')}>
        Add attribute
      </button>

      <RelationshipsEditor entity={entity} entityIndex={entityIndex} />

      <div className="inspector-actions">
        <button type="button" onClick={() => runCommand('duplicate')}>
          Duplicate entity
        </button>
        <button type="button" className="danger" onClick={() => runCommand('delete')}>
          Delete entity
        </button>
      </div>
    </section>
  );
}
