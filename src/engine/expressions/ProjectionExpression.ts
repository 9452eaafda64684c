// ProjectionExpression (and the legacy AttributesToGet): which document paths to return.
import { attributeMap, member } from '../AttributeMap';
import type { AttributeValue, Item } from '../AttributeValue';
import { readPath, type DocumentPath, type PathElement } from './DocumentPath';
import type { SyntaxPath } from './Parser';
import type { ExpressionContext } from './Resolver';
import { pathTree } from './PathTree';

export function compileProjection(context: ExpressionContext, syntax: SyntaxPath[]): DocumentPath[] {
  for (const path of syntax) context.checkPath('ProjectionExpression', path);
  const paths = syntax.map((path) => context.resolvePath('ProjectionExpression', path));
  pathTree(paths, (message) => context.error('ProjectionExpression', message));
  return paths;
}

// A projection is assembled as a tree first: list elements picked by index come back packed
// in index order (l[3], l[1] returns a two-element list), as DynamoDB returns them.
interface Node {
  value?: AttributeValue;
  children: Map<PathElement, Node>;
}

function materialize(node: Node, source: AttributeValue): AttributeValue {
  if (node.value !== undefined) return node.value;
  if ('L' in source) {
    const indexes = [...node.children.keys()].sort((a, b) => (a as number) - (b as number));
    return { L: indexes.map((index) => materialize(node.children.get(index) as Node, source.L[index as number] as AttributeValue)) };
  }
  const map = attributeMap<AttributeValue>();
  if ('M' in source) {
    for (const [name, child] of node.children) map[name as string] = materialize(child, member(source.M, name as string) as AttributeValue);
  }
  return { M: map };
}

export function projectItem(paths: readonly DocumentPath[], item: Item): Item {
  const root = new Map<string, Node>();
  for (const path of paths) {
    if (readPath(item, path) === undefined) continue;
    let node: Node | undefined = root.get(path[0]);
    if (node === undefined) root.set(path[0], (node = { children: new Map() }));
    for (let i = 1; i < path.length; i++) {
      const element = path[i] as PathElement;
      let child: Node | undefined = node.children.get(element);
      if (child === undefined) node.children.set(element, (child = { children: new Map() }));
      node = child;
    }
    node.value = readPath(item, path);
  }
  const result: Item = attributeMap();
  for (const [name, node] of root) result[name] = materialize(node, member(item, name) as AttributeValue);
  return result;
}
