// Document paths (`a.b[2].c`) resolved to attribute names and list indexes, and the reads
// that follow them through an item.
import { member } from '../AttributeMap';
import type { AttributeValue, Item } from '../AttributeValue';

export type PathElement = string | number;
/** A resolved path: the first element is always an attribute name. */
export type DocumentPath = readonly [string, ...PathElement[]];

export const MAX_PATH_DEPTH = 32;

/** DynamoDB's rendering of a path in messages: `[a, b, [0]]`. */
export function formatPath(path: readonly PathElement[]): string {
  return `[${path.map((element) => (typeof element === 'number' ? `[${element}]` : element)).join(', ')}]`;
}

export function readPath(item: Item | undefined, path: DocumentPath): AttributeValue | undefined {
  if (item === undefined) return undefined;
  let current: AttributeValue | undefined = member(item, path[0]);
  for (let i = 1; i < path.length && current !== undefined; i++) {
    const element = path[i] as PathElement;
    if (typeof element === 'number') current = 'L' in current ? current.L[element] : undefined;
    else current = 'M' in current ? member(current.M, element) : undefined;
  }
  return current;
}

export function samePath(a: readonly PathElement[], b: readonly PathElement[]): boolean {
  return a.length === b.length && a.every((element, i) => element === b[i]);
}
