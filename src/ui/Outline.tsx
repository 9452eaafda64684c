// The model as a list: keyboard- and screen-reader-friendly selection of the table, each
// index and each entity, mirroring the canvas.
import { Fragment, useMemo } from 'react';
import { revealNode, runCommand } from '../store/commands';
import { useDesignStore, type Selection } from '../store/designStore';
import { countIssuesUnder, entityNodeId, gsiNodeId, lsiNodeId, TABLE_NODE_ID } from './canvas/graph';
import { entityColors } from './entityColors';

function same(a: Selection, b: Selection): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'table' || b.kind === 'table') return a.kind === b.kind;
  return a.kind === b.kind && a.id === b.id;
}

export function Outline() {
  const model = useDesignStore((s) => s.model);
  const issues = useDesignStore((s) => s.issues);
  const selection = useDesignStore((s) => s.selection);
  const select = useDesignStore((s) => s.select);
  const colors = useMemo(() => entityColors(model), [model]);

  const item = (target: Exclude<Selection, null>, nodeId: string, label: string, detail: string, issueCount: number, color?: string) => (
    <li>
      <button
        type="button"
        className={`outline-item${same(selection, target) ? ' is-selected' : ''}`}
        aria-pressed={same(selection, target)}
        aria-label={`${detail} ${label}${issueCount ? `, ${issueCount} problem${issueCount === 1 ? '' : 's'}` : ''}`}
        onClick={() => {
          select(target);
          revealNode(nodeId);
        }}
      >
        {color && <span className="swatch" style={{ background: color }} aria-hidden="true" />}
        <span className="outline-label">{label}</span>
        {issueCount > 0 && (
          <span className="node-issues" aria-hidden="true">
            {issueCount}
          </span>
        )}
      </button>
    </li>
  );

  return (
    <nav aria-label="Model outline" className="outline">
      <h2>Table</h2>
      <ul>{item({ kind: 'table' }, TABLE_NODE_ID, model.table.name, 'Table', countIssuesUnder(issues, '/table'))}</ul>
      <h2>Indexes</h2>
      <ul>
        {model.globalSecondaryIndexes.map((index, i) => (
          <Fragment key={index.id}>{item({ kind: 'gsi', id: index.id }, gsiNodeId(index.id), index.name, 'GSI', countIssuesUnder(issues, `/globalSecondaryIndexes/${i}`))}</Fragment>
        ))}
        {model.localSecondaryIndexes.map((index, i) => (
          <Fragment key={index.id}>{item({ kind: 'lsi', id: index.id }, lsiNodeId(index.id), index.name, 'LSI', countIssuesUnder(issues, `/localSecondaryIndexes/${i}`))}</Fragment>
        ))}
      </ul>
      <div className="outline-actions">
        <button type="button" onClick={() => runCommand('addGsi')}>
          Add GSI
        </button>
        <button type="button" onClick={() => runCommand('addLsi')}>
          Add LSI
        </button>
      </div>
      <h2>Entities</h2>
      <ul>
        {model.entities.map((entity, i) => (
          <Fragment key={entity.id}>
            {item({ kind: 'entity', id: entity.id }, entityNodeId(entity.id), entity.name || '(unnamed)', 'Entity', countIssuesUnder(issues, `/entities/${i}`), colors.get(entity.id)?.solid)}
          </Fragment>
        ))}
      </ul>
      <div className="outline-actions">
        <button type="button" onClick={() => runCommand('addEntity')}>
          Add entity
        </button>
      </div>
    </nav>
  );
}
