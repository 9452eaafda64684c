import { describe, expect, it } from 'vitest';
import type { DocumentPath } from './DocumentPath';
import { pathTree, topLevelOrder } from './PathTree';

const parse = (text: string): DocumentPath[] =>
  text.split(', ').map((path) => [...path.matchAll(/([A-Za-z]\w*)|\[(\d+)\]/g)].map((m) => (m[1] ?? Number(m[2]))) as unknown as DocumentPath);
const refusal = (text: string): string | undefined => {
  try {
    pathTree(parse(text), (message) => new Error(message));
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/.*these paths; /, '');
  }
};

describe('PathTree', () => {
  it('accepts disjoint paths', () => {
    expect(refusal('a, b.c, b.d, l[0], l[1].x')).toBeUndefined();
  });

  it('refuses the last path that clashes with a later one, naming the first branch of where it clashed', () => {
    // Pairs as DynamoDB Local names them (probed).
    expect(refusal('a, b, c, a')).toBe('path one: [a], path two: [c]');
    expect(refusal('a, a, b')).toBe('path one: [a], path two: [b]');
    expect(refusal('b, a, p, a')).toBe('path one: [a], path two: [a]');
    expect(refusal('a.c.x, a.c, a.d')).toBe('path one: [a, c, x], path two: [a, d]');
    expect(refusal('a, a, a[1][1], a, b, c')).toBe('path one: [a, [1], [1]], path two: [c]');
  });

  it('tells conflicts from overlaps', () => {
    expect(refusal('a.b, c, a[0]')).toBe('path one: [a, b], path two: [a, [0]]');
    expect(refusal('a[0], a')).toBe('path one: [a, [0]], path two: [a]');
  });

  it('visits the paths in the order DynamoDB Local applies update actions', () => {
    const visit = (text: string) => {
      const paths = parse(text);
      return pathTree(paths, (message) => new Error(message)).order().map((index) => paths[index]?.[0]);
    };
    // Probed through which failing action Local reports; siblings sharing a bucket come
    // in reverse order of the expression, as the tree is built from its end.
    expect(visit('absent.x, d')).toEqual(['d', 'absent']);
    expect(visit('d, absent.x')).toEqual(['absent', 'd']);
    expect(visit('s, c.z')).toEqual(['c', 's']);
    expect(visit('c.z, s')).toEqual(['s', 'c']);
    expect(visit('b, c.z')).toEqual(['c', 'b']);
    expect(visit('q1, q3')).toEqual(['q3', 'q1']);
  });

  it('visits top-level attributes in the same order', () => {
    expect(topLevelOrder(['absent', 'd'])).toEqual(['d', 'absent']);
    expect(topLevelOrder(['s', 'c', 's'])).toEqual(['s', 'c']);
  });
});
