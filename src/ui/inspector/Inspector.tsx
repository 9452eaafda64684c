// The side panel: the inspector for whatever is selected, or a short guide when nothing is.
import { useEffect, useRef } from 'react';
import { registerViewBridge } from '../../store/commands';
import { useDesignStore } from '../../store/designStore';
import { EntityInspector } from './EntityInspector';
import { GsiInspector, LsiInspector } from './IndexInspector';
import { TableInspector } from './TableInspector';

export function Inspector() {
  const selection = useDesignStore((s) => s.selection);
  const entities = useDesignStore((s) => s.model.entities);
  const root = useRef<HTMLDivElement>(null);

  useEffect(
    () =>
      registerViewBridge({
        focusName: () =>
          // After a selection change the inspector re-renders first; focus on the next frame.
          requestAnimationFrame(() => {
            const field = root.current?.querySelector<HTMLInputElement>('input[type="text"]');
            field?.focus();
            field?.select();
          }),
      }),
    [],
  );

  let content;
  if (selection?.kind === 'entity') {
    const entityIndex = entities.findIndex((e) => e.id === selection.id);
    const entity = entities[entityIndex];
    content = entity ? <EntityInspector key={entity.id} entity={entity} entityIndex={entityIndex} /> : null;
  } else if (selection?.kind === 'gsi') {
    content = <GsiInspector key={selection.id} id={selection.id} />;
  } else if (selection?.kind === 'lsi') {
    content = <LsiInspector key={selection.id} id={selection.id} />;
  } else if (selection?.kind === 'table') {
    content = <TableInspector />;
  } else {
    content = (
      <div className="inspector-empty">
        <h2>Inspector</h2>
        <p>Select an entity, the table or an index on the canvas or in the outline to edit it.</p>
      </div>
    );
  }
  return (
    <div ref={root} className="inspector">
      {content}
    </div>
  );
}
