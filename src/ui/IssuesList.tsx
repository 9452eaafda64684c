// Every validation issue of the model, each linking to where it is: clicking selects the
// entity, index or table it belongs to, so the field with the message is in the inspector,
// or opens the access pattern it is about.
import { revealNode } from '../store/commands';
import { useDesignStore, type Selection } from '../store/designStore';
import { usePatternsStore } from '../store/patternsStore';
import type { DesignModel, ModelIssue } from '../model/types';
import { entityNodeId, gsiNodeId, lsiNodeId, TABLE_NODE_ID } from './canvas/graph';

/** The selectable part of the model an issue path points into, with its canvas node id. */
export function issueTarget(model: DesignModel, path: string): { selection: Exclude<Selection, null>; nodeId: string; where: string } | undefined {
  const [, collection, position] = path.split('/');
  const index = Number(position);
  if (collection === 'table') return { selection: { kind: 'table' }, nodeId: TABLE_NODE_ID, where: `Table ${model.table.name}` };
  if (collection === 'entities') {
    const entity = model.entities[index];
    return entity && { selection: { kind: 'entity', id: entity.id }, nodeId: entityNodeId(entity.id), where: `Entity ${entity.name}` };
  }
  if (collection === 'globalSecondaryIndexes') {
    const gsi = model.globalSecondaryIndexes[index];
    return gsi && { selection: { kind: 'gsi', id: gsi.id }, nodeId: gsiNodeId(gsi.id), where: `GSI ${gsi.name}` };
  }
  if (collection === 'localSecondaryIndexes') {
    const lsi = model.localSecondaryIndexes[index];
    return lsi && { selection: { kind: 'lsi', id: lsi.id }, nodeId: lsiNodeId(lsi.id), where: `LSI ${lsi.name}` };
  }
  return undefined;
}

/** The access pattern an issue path points into. */
export function issuePattern(model: DesignModel, path: string): { id: string; where: string } | undefined {
  const [, collection, position] = path.split('/');
  if (collection !== 'accessPatterns') return undefined;
  const pattern = model.accessPatterns[Number(position)];
  return pattern && { id: pattern.id, where: `Pattern ${pattern.name}` };
}

const ORDER: Record<ModelIssue['severity'], number> = { error: 0, warning: 1, info: 2 };

/** `onOpenPattern` brings the Access patterns tab forward once the pattern is selected there. */
export function IssuesList({ onOpenPattern }: { onOpenPattern?: () => void }) {
  const issues = useDesignStore((s) => s.issues);
  const model = useDesignStore((s) => s.model);
  const select = useDesignStore((s) => s.select);
  if (!issues.length) return <p className="empty-state">No problems found in this design.</p>;
  const sorted = [...issues].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <ul className="issues-list" aria-label="Problems">
      {sorted.map((issue, i) => {
        const target = issueTarget(model, issue.path);
        const pattern = target ? undefined : issuePattern(model, issue.path);
        return (
          <li key={`${issue.path}:${issue.code}:${i}`} className={`issue severity-${issue.severity}`}>
            <span className="issue-severity">{issue.severity}</span>
            <span className="issue-message">{issue.message}</span>
            {target ? (
              <button
                type="button"
                className="link"
                onClick={() => {
                  select(target.selection);
                  revealNode(target.nodeId);
                }}
              >
                {target.where}
              </button>
            ) : pattern ? (
              <button
                type="button"
                className="link"
                onClick={() => {
                  usePatternsStore.getState().select(pattern.id);
                  onOpenPattern?.();
                  // This list unmounts with its tab; keep keyboard focus on the tab now shown.
                  requestAnimationFrame(() => document.querySelector<HTMLElement>('[role="tablist"][aria-label="Details"] [role="tab"][aria-selected="true"]')?.focus());
                }}
              >
                {pattern.where}
              </button>
            ) : (
              <code className="issue-path">{issue.path || '/'}</code>
            )}
          </li>
        );
      })}
    </ul>
  );
}
