// A key template on an entity node, edited in place: click it, type (with `{{` completion),
// Enter or Escape to finish. Problems show on the spot, exactly as in the inspector.
import { useId, useState } from 'react';
import { setKeyTemplate } from '../../model/commands';
import { pointer } from '../../model/validate';
import type { Entity } from '../../model/types';
import { useDesignStore } from '../../store/designStore';
import { useIssuesAt } from '../inspector/fields';
import { useTemplateSyntaxErrors } from '../inspector/KeyTemplateField';
import { KeyTemplateInput } from '../inspector/KeyTemplateInput';

export function InlineKeyTemplate({ entity, entityIndex, part, keyName }: { entity: Entity; entityIndex: number; part: 'partitionKey' | 'sortKey'; keyName: string }) {
  const [editing, setEditing] = useState(false);
  const updateModel = useDesignStore((s) => s.updateModel);
  const messageId = useId();
  const value = entity.keys[part] ?? '';
  const path = pointer('entities', entityIndex, 'keys', part);
  const issues = useIssuesAt(path).filter((i) => i.severity !== 'info');
  const syntaxErrors = useTemplateSyntaxErrors(value, path);
  const messages = [...syntaxErrors, ...issues.map((i) => i.message)];
  const label = `${entity.name} ${keyName} template`;

  if (!editing) {
    return (
      <button type="button" className="inline-template nodrag" aria-label={`Edit ${label}`} title={messages.join('\n') || 'Click to edit'} onClick={() => setEditing(true)}>
        {value || <em>empty</em>}
      </button>
    );
  }
  return (
    <div className="inline-template-editor nodrag nopan nowheel">
      <KeyTemplateInput
        autoFocus
        aria-label={label}
        aria-invalid={messages.length > 0}
        aria-describedby={messages.length ? messageId : undefined}
        value={value}
        attributes={entity.attributes.map((a) => a.name)}
        listLabel={`Attributes for ${label}`}
        // Same label as the inspector's field, so typing in either coalesces into one undo step.
        onChange={(template) => updateModel(`Edit ${entity.name} Table ${keyName}`, (m) => setKeyTemplate(m, { entityId: entity.id, key: part, template }))}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === 'Escape') {
            event.preventDefault();
            setEditing(false);
          }
        }}
        onBlur={() => setEditing(false)}
      />
      {messages.length > 0 && (
        <ul id={messageId} className="field-messages">
          {messages.map((message) => (
            <li key={message} className="severity-error">
              {message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
