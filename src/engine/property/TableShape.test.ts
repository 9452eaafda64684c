import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTableInput, tableShape } from './TableShape';

describe('tableShape', () => {
  it('defines exactly the attributes key schemas use, and LSIs only on tables with a range key', () => {
    fc.assert(
      fc.property(tableShape, (shape) => {
        const input = createTableInput('table', shape);
        const schemas = [input.KeySchema, ...(input.GlobalSecondaryIndexes ?? []), ...(input.LocalSecondaryIndexes ?? [])].map((s) =>
          Array.isArray(s) ? s : (s?.KeySchema ?? []),
        );
        const used = new Set(schemas.flat().map((element) => element.AttributeName));
        expect(new Set(input.AttributeDefinitions?.map((d) => d.AttributeName))).toEqual(used);
        if (!shape.range) expect(input.LocalSecondaryIndexes).toBeUndefined();
        for (const lsi of input.LocalSecondaryIndexes ?? []) expect(lsi.KeySchema?.[0]?.AttributeName).toBe(shape.hash.name);
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});
