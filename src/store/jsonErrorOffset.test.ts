import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonErrorOffset, lineColumn } from './jsonErrorOffset';

describe('jsonErrorOffset', () => {
  it('accepts everything JSON.stringify produces', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => jsonErrorOffset(JSON.stringify(value, null, 2)) === undefined));
  });

  it('agrees with JSON.parse on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        return (jsonErrorOffset(text) === undefined) === valid;
      }),
    );
  });

  it.each([
    ['{"a":\n,}', 2, 1],
    ['{"a": 1,\n "b": [1,2,\n}', 3, 1],
    ['{"a"', 1, 5],
    ['nope', 1, 2],
    ['{"a": 1} x', 1, 10],
    ['', 1, 1],
  ])('locates the error in %j at line %i, column %i', (text, line, column) => {
    const offset = jsonErrorOffset(text);
    expect(offset).toBeDefined();
    expect(lineColumn(text, offset ?? -1)).toEqual({ line, column });
  });
});
