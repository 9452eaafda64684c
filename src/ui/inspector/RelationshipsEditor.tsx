// An entity's relationships: target entity and cardinality, which drive the canvas edges and
// the sample generator's references (a Like points at an existing Post).
import { useState } from 'react';
import { addRelationship, deleteRelationship, updateRelationship } from '../../model/commands';
import type { Cardinality, Entity } from '../../model/types';
import { useDesignStore } from '../../store/designStore';
import { SelectField, TextField } from './fields';

const CARDINALITIES: { value: Cardinality; label: string }[] = [
  { value: 'one-to-one', label: 'one-to-one' },
  { value: 'one-to-many', label: 'one-to-many' },
  { value: 'many-to-one', label: 'many-to-one' },
  { value: 'many-to-many', label: 'many-to-many' },
];

export function RelationshipsEditor({ entity, entityIndex }: { entity: Entity; entityIndex: number }) {
  const entities = useDesignStore((s) => s.model.entities);
  const updateModel = useDesignStore((s) => s.updateModel);
  const others = entities.filter((e) => e.id !== entity.id);
  const [target, setTarget] = useState('');
  const targets = others.map((e) => ({ value: e.id, label: e.name }));

  return (
    <>
      <h3>Relationships</h3>
      {entity.relationships.map((relationship, i) => {
        const path = `/entities/${entityIndex}/relationships/${i}`;
        const name = relationship.name || `relationship ${i + 1}`;
        const edit = (what: string, patch: Parameters<typeof updateRelationship>[1]['patch']) =>
          updateModel(`Edit ${entity.name} relationship ${what}`, (m) => updateRelationship(m, { entityId: entity.id, relationshipId: relationship.id, patch }));
        return (
          <fieldset key={relationship.id} className="attribute-row" aria-label={`Relationship ${name}`}>
            <legend>{name}</legend>
            <TextField label={`Name of relationship ${name}`} path={`${path}/name`} value={relationship.name} onChange={(text) => edit('name', { name: text })} />
            <SelectField
              label={`Target of ${name}`}
              path={`${path}/target`}
              value={relationship.target}
              options={targets.some((t) => t.value === relationship.target) ? targets : [{ value: relationship.target, label: `(missing ${relationship.target})` }, ...targets]}
              onChange={(value) => edit('target', { target: value })}
            />
            <SelectField label={`Cardinality of ${name}`} path={`${path}/cardinality`} value={relationship.cardinality} options={CARDINALITIES} onChange={(cardinality) => edit('cardinality', { cardinality })} />
            <p className="hint">
              Keys: {relationship.foreignKeys.map((fk) => `${fk.attribute} → ${fk.targetAttribute}`).join(', ') || 'none'}
            </p>
            <button type="button" className="danger subtle" onClick={() => updateModel(`Delete relationship ${relationship.name} of ${entity.name}`, (m) => deleteRelationship(m, { entityId: entity.id, relationshipId: relationship.id }))}>
              Delete relationship {name}
            </button>
          </fieldset>
        );
      })}
      {others.length > 0 && (
        <div className="field-row">
          <SelectField label="New relationship to" value={target || (others[0]?.id ?? '')} options={targets} onChange={setTarget} />
          <button
            type="button"
            onClick={() => {
              const chosen = target || others[0]?.id;
              if (chosen) updateModel(`Add relationship to ${entity.name}`, (m) => addRelationship(m, { entityId: entity.id, target: chosen }));
            }}
          >
            Add relationship
          </button>
        </div>
      )}
    </>
  );
}
