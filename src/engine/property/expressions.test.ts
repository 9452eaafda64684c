import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Placeholders,
  condition,
  keyCondition,
  projection,
  renderCondition,
  renderKeyCondition,
  renderProjection,
  renderUpdate,
  update,
  type Vocabulary,
} from './expressions';

const vocabulary: Vocabulary = { names: ['pk', 'a', 'status', 'x.y', 'm'], nestable: ['a', 'm', 'status'] };

/** Placeholders in `text` and the ones the builder defined must be the same sets. */
function expectPlaceholdersConsistent(text: string, ph: Placeholders): void {
  const usedValues = new Set(text.match(/:v\d+/g) ?? []);
  const usedNames = new Set(text.match(/#n\d+/g) ?? []);
  expect([...usedValues].sort()).toEqual(Object.keys(ph.values).sort());
  expect([...usedNames].sort()).toEqual(Object.keys(ph.names).sort());
}

describe('expression rendering', () => {
  it('renders a condition with aliases, values and one pair of parentheses per nested AND/OR', () => {
    const ph = new Placeholders();
    const text = renderCondition(
      {
        kind: 'or',
        parens: false,
        left: { kind: 'exists', path: { head: { name: 'status', alias: true }, rest: [{ index: 1 }] } },
        right: {
          kind: 'and',
          parens: true,
          left: { kind: 'compare', op: '<', left: { kind: 'size', path: { head: { name: 'a', alias: false }, rest: [] } }, right: { kind: 'value', value: { N: '3' } } },
          right: { kind: 'not', operand: { kind: 'in', subject: { kind: 'path', path: { head: { name: 'm', alias: false }, rest: [{ name: 'x.y', alias: true }] } }, list: [{ kind: 'value', value: { S: 'a' } }] } },
        },
      },
      ph,
    );
    expect(text).toBe('attribute_exists(#n0[1]) OR (size(a) < :v0 AND NOT m.#n1 IN (:v1))');
    expect(ph.names).toEqual({ '#n0': 'status', '#n1': 'x.y' });
    expect(ph.values).toEqual({ ':v0': { N: '3' }, ':v1': { S: 'a' } });
  });

  it('groups update actions by clause in the chosen clause order', () => {
    const ph = new Placeholders();
    const a = { head: { name: 'a', alias: false }, rest: [] };
    const text = renderUpdate(
      {
        order: ['REMOVE', 'ADD', 'SET', 'DELETE'],
        actions: [
          { clause: 'SET', path: a, value: { kind: '+', left: { kind: 'if_not_exists', path: a, fallback: { kind: 'value', value: { N: '0' } } }, right: { kind: 'value', value: { N: '1' } } } },
          { clause: 'REMOVE', path: { head: { name: 'status', alias: true }, rest: [] } },
          { clause: 'SET', path: { head: { name: 'm', alias: false }, rest: [{ index: 0 }] }, value: { kind: 'operand', operand: { kind: 'list_append', first: { kind: 'path', path: a }, second: { kind: 'value', value: { L: [] } } } } },
        ],
      },
      ph,
    );
    expect(text).toBe('REMOVE #n0 SET a = if_not_exists(a, :v0) + :v1, m[0] = list_append(a, :v2)');
  });

  it('renders key conditions in either order', () => {
    const ph = new Placeholders();
    const text = renderKeyCondition(
      {
        hash: { name: { name: 'pk', alias: true }, value: { S: 'p' }, op: '=' },
        range: { name: { name: 'sk', alias: false }, op: 'BETWEEN', values: [{ N: '1' }, { N: '2' }] },
        rangeFirst: true,
        parens: false,
      },
      ph,
    );
    expect(text).toBe('sk BETWEEN :v1 AND :v2 AND #n0 = :v0');
  });

  it('defines exactly the placeholders each generated expression uses', () => {
    const hash = { name: 'pk', type: 'S' as const };
    const range = { name: 'sk', type: 'N' as const };
    fc.assert(
      fc.property(condition(vocabulary), update(vocabulary, vocabulary), projection(vocabulary), keyCondition(hash, range, ['a']), (c, u, p, k) => {
        for (const render of [
          (ph: Placeholders) => renderCondition(c, ph),
          (ph: Placeholders) => renderUpdate(u, ph),
          (ph: Placeholders) => renderProjection(p, ph),
          (ph: Placeholders) => renderKeyCondition(k, ph),
        ]) {
          const ph = new Placeholders();
          expectPlaceholdersConsistent(render(ph), ph);
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
