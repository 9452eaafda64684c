// Node renderers for the canvas. Nodes are memoised by React Flow; they only read their
// `data`, so a keystroke re-renders just the node whose entity changed.
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { InlineKeyTemplate } from './InlineKeyTemplate';
import type { EntityNode as EntityNodeType, IndexNode as IndexNodeType, TableNode as TableNodeType } from './graph';

function IssueBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="node-issues" title={`${count} problem${count === 1 ? '' : 's'}`} aria-label={`${count} problem${count === 1 ? '' : 's'}`}>
      {count}
    </span>
  );
}

export const EntityNode = memo(function EntityNode({ data, selected }: NodeProps<EntityNodeType>) {
  const { entity, entityIndex, issueCount, color, indexNames, tableKeys } = data;
  const indexKeys = Object.entries(entity.keys.indexes);
  return (
    <div className={`node node-entity${selected ? ' is-selected' : ''}${issueCount ? ' has-issues' : ''}`} style={{ borderColor: color }}>
      <Handle type="target" position={Position.Left} />
      <Handle type="target" position={Position.Top} id="relationship-in" />
      <header className="node-header" style={{ background: color }}>
        <span className="node-kind">Entity</span>
        <span className="node-title" title={entity.name}>{entity.name}</span>
        <IssueBadge count={issueCount} />
      </header>
      <dl className="node-keys">
        <dt>PK</dt>
        <dd>
          <InlineKeyTemplate entity={entity} entityIndex={entityIndex} part="partitionKey" keyName={tableKeys.partitionKey} />
        </dd>
        {tableKeys.sortKey !== undefined && (
          <>
            <dt>SK</dt>
            <dd>
              <InlineKeyTemplate entity={entity} entityIndex={entityIndex} part="sortKey" keyName={tableKeys.sortKey} />
            </dd>
          </>
        )}
        {indexKeys.map(([indexId, keys]) =>
          keys.partitionKey || keys.sortKey ? (
            <div key={indexId} className="node-index-keys">
              <dt>{indexNames.get(indexId) ?? indexId}</dt>
              <dd>
                {keys.partitionKey ?? ''}
                {keys.sortKey ? ` · ${keys.sortKey}` : ''}
              </dd>
            </div>
          ) : null,
        )}
      </dl>
      <ul className="node-attributes">
        {entity.attributes.map((attribute) => (
          <li key={attribute.id}>
            <span>{attribute.name}</span>
            <span className="attr-type">
              {attribute.type}
              {attribute.required ? '' : '?'}
            </span>
          </li>
        ))}
      </ul>
      <Handle type="source" position={Position.Right} />
      <Handle type="source" position={Position.Bottom} id="relationship-out" />
    </div>
  );
});

export const TableNode = memo(function TableNode({ data, selected }: NodeProps<TableNodeType>) {
  const { table } = data;
  return (
    <div className={`node node-table${selected ? ' is-selected' : ''}`}>
      <Handle type="target" position={Position.Left} />
      <header className="node-header">
        <span className="node-kind">Table</span>
        <span className="node-title" title={table.name}>{table.name}</span>
        <IssueBadge count={data.issueCount} />
      </header>
      <dl className="node-keys">
        <dt>PK</dt>
        <dd>
          {table.partitionKey.name} ({table.partitionKey.type})
        </dd>
        {table.sortKey && (
          <>
            <dt>SK</dt>
            <dd>
              {table.sortKey.name} ({table.sortKey.type})
            </dd>
          </>
        )}
      </dl>
      <p className="node-meta">{table.billing.mode === 'PAY_PER_REQUEST' ? 'On-demand' : `Provisioned ${table.billing.read.units} RCU / ${table.billing.write.units} WCU`}</p>
    </div>
  );
});

export const IndexNode = memo(function IndexNode({ data, selected }: NodeProps<IndexNodeType>) {
  const partitionKey = data.kind === 'gsi' ? data.index.partitionKey : undefined;
  const { sortKey, projection } = data.index;
  return (
    <div className={`node node-index${selected ? ' is-selected' : ''}`}>
      <Handle type="target" position={Position.Left} />
      <header className="node-header">
        <span className="node-kind">{data.kind.toUpperCase()}</span>
        <span className="node-title" title={data.index.name}>{data.index.name}</span>
        <IssueBadge count={data.issueCount} />
      </header>
      <dl className="node-keys">
        {partitionKey && (
          <>
            <dt>PK</dt>
            <dd>
              {partitionKey.name} ({partitionKey.type})
            </dd>
          </>
        )}
        {sortKey && (
          <>
            <dt>SK</dt>
            <dd>
              {sortKey.name} ({sortKey.type})
            </dd>
          </>
        )}
      </dl>
      <p className="node-meta">
        {projection.type}
        {projection.type === 'INCLUDE' && projection.nonKeyAttributes?.length ? `: ${projection.nonKeyAttributes.join(', ')}` : ''}
      </p>
    </div>
  );
});

export const nodeTypes = { entity: EntityNode, table: TableNode, index: IndexNode };
