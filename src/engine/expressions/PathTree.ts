// The document paths of a ProjectionExpression or an UpdateExpression, arranged as DynamoDB
// Local arranges them: a tree with one level per path element. Local builds it from the last
// path to the first, refusing a path that overlaps or conflicts with one already in it, and
// visits it (to apply an update) in the iteration order of a Java hash map at every level.
// That order decides which pair "Two document paths overlap…" names, which failing action of
// an update DynamoDB Local reports and how it lists what a GSI does not project, so the engine
// reproduces it.
import { javaHashMapOrder, javaStringHash } from '../JavaHashOrder';
import { formatPath, type DocumentPath, type PathElement } from './DocumentPath';

/**
 * The hash that orders an element among its siblings. Fitted to DynamoDB Local (3,300 random
 * projections of up to 90 paths over 150 names and 40 list indexes, then 800 more projections,
 * 1,300 random update expressions and 260 "does not project" lists, all reproduced): the
 * sibling order is a Java hash map's with the element's hash taken as ORDER_BASE minus
 * String.hashCode of a name, or minus the index. Other bases from 0x1d0e to 0x21ce in steps
 * of 0x20 fit the same probes.
 */
const ORDER_BASE = 0x1d0e;

function elementHash(element: PathElement): number {
  return (ORDER_BASE - (typeof element === 'number' ? element : javaStringHash(element))) | 0;
}

interface PathNode {
  /** Index of the path that ends here. */
  path?: number;
  readonly children: Map<PathElement, PathNode>;
}

function orderedChildren(node: PathNode): PathElement[] {
  return javaHashMapOrder([...node.children.keys()], elementHash);
}

/** The order in which DynamoDB Local visits the top-level attributes of these paths' tree. */
export function topLevelOrder(names: readonly string[]): string[] {
  return javaHashMapOrder([...new Set([...names].reverse())], elementHash);
}

/** The path Local names as "path two": the first branch of `node`, followed to its end. */
function firstBranch(prefix: readonly PathElement[], node: PathNode): DocumentPath {
  const path = [...prefix];
  let current = node;
  while (current.children.size > 0) {
    const element = orderedChildren(current)[0] as PathElement;
    path.push(element);
    current = current.children.get(element) as PathNode;
  }
  return path as unknown as DocumentPath;
}

function clash(relation: 'overlap' | 'conflict', one: DocumentPath, two: DocumentPath): string {
  return `Two document paths ${relation} with each other; must remove or rewrite one of these paths; path one: ${formatPath(one)}, path two: ${formatPath(two)}`;
}

/** The message refusing `path` next to the tree's paths, or undefined when it fits in. */
function refusal(root: PathNode, path: DocumentPath): string | undefined {
  let node = root;
  for (let depth = 0; depth < path.length; depth++) {
    const element = path[depth] as PathElement;
    const prefix = path.slice(0, depth);
    const sibling = node.children.keys().next();
    if (!sibling.done && typeof sibling.value !== typeof element) return clash('conflict', path, firstBranch(prefix, node));
    const child = node.children.get(element);
    if (child === undefined) return undefined;
    if (depth === path.length - 1 || child.path !== undefined) return clash('overlap', path, firstBranch(prefix, node));
    node = child;
  }
  return undefined;
}

/**
 * Builds the tree of `paths`, refusing overlapping or conflicting ones with DynamoDB's message,
 * which `error` turns into the error to throw.
 */
export function pathTree(paths: readonly DocumentPath[], error: (message: string) => Error): PathTree {
  const root: PathNode = { children: new Map() };
  for (let index = paths.length - 1; index >= 0; index--) {
    const path = paths[index] as DocumentPath;
    const message = refusal(root, path);
    if (message !== undefined) throw error(message);
    let node = root;
    for (const element of path) {
      let child = node.children.get(element);
      if (child === undefined) node.children.set(element, (child = { children: new Map() }));
      node = child;
    }
    node.path = index;
  }
  return new PathTree(root);
}

export class PathTree {
  constructor(private readonly root: PathNode) {}

  /** Indexes of the paths in the order DynamoDB Local visits them. */
  order(): number[] {
    const order: number[] = [];
    const visit = (node: PathNode): void => {
      if (node.path !== undefined) order.push(node.path);
      for (const element of orderedChildren(node)) visit(node.children.get(element) as PathNode);
    };
    visit(this.root);
    return order;
  }
}
