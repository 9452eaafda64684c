import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultModel } from './examples';
import { parseModel } from './parse';
import { MODEL_VERSION } from './types';
import { computePreview } from './preview';
import { generateSampleItems, SampleCache } from './sampleData';
import { designModelSchema } from './schema';
import { validateModel } from './validate';

function issuesOf(input: unknown) {
  const result = parseModel(input);
  return 'issues' in result ? result.issues : [];
}

describe('parseModel', () => {
  it('accepts a current design as text and as a value, unchanged', () => {
    const model = defaultModel();
    const fromText = parseModel(JSON.stringify(model));
    expect(fromText).toEqual({ model, notes: [] });
    expect(parseModel(model)).toEqual({ model, notes: [] });
  });

  it('locates a JSON syntax error by line and column', () => {
    expect(issuesOf('{\n  "name": "x",\n}')).toEqual([
      { severity: 'error', path: '', code: 'json.syntax', message: expect.stringMatching(/at line 3, column 1$/) },
    ]);
    expect(issuesOf('   ')[0]?.message).toBe('not valid JSON: the text is empty');
  });

  it('rejects what is not an object', () => {
    expect(issuesOf('[1]')[0]).toMatchObject({ path: '', code: 'migrate.notObject', message: 'a design must be a JSON object, not an array' });
    expect(issuesOf(42)[0]?.message).toBe('a design must be a JSON object, not a number');
  });

  it('names each shape problem by its JSON pointer', () => {
    const broken = JSON.parse(JSON.stringify(defaultModel()));
    delete broken.table.name;
    broken.table.billing.read.units = 0;
    broken.entities[0].attributes[0].generator = { kind: 'integer', min: 1 };
    broken.entities[1].attributes[1].generator = { kind: 'lorem' };
    broken.entities[2].keys.partitionKey = 7;
    broken.globalSecondaryIndexes[1].projection.type = 'SOME';
    broken.extra = true;
    expect(issuesOf(broken).map((issue) => [issue.path, issue.message])).toEqual([
      ['', 'the document has an unknown property "extra"'],
      ['/table', '/table is missing "name"'],
      ['/table/billing/read/units', '/table/billing/read/units must be >= 1'],
      ['/globalSecondaryIndexes/1/projection/type', '/globalSecondaryIndexes/1/projection/type must be one of "ALL", "KEYS_ONLY", "INCLUDE"'],
      ['/entities/0/attributes/0/generator', '/entities/0/attributes/0/generator is missing "max"'],
      ['/entities/1/attributes/1/generator', '/entities/1/attributes/1/generator has an unknown kind "lorem"'],
      ['/entities/2/keys/partitionKey', '/entities/2/keys/partitionKey must be a string'],
    ]);
  });

  it('refuses a design from a newer version with a clear message', () => {
    expect(issuesOf({ ...defaultModel(), version: MODEL_VERSION + 1 })).toEqual([
      {
        severity: 'error',
        path: '/version',
        code: 'migrate.newerVersion',
        message: `this design was saved by a newer Tablesmith (format version ${MODEL_VERSION + 1}); this one reads up to version ${MODEL_VERSION}`,
      },
    ]);
  });

  it('validates nested generators through the recursive definition', () => {
    const model = JSON.parse(JSON.stringify(defaultModel()));
    model.entities[0].attributes[0].generator = { kind: 'list', of: { kind: 'set', of: { kind: 'enum' }, min: 1, max: 2 }, min: 0, max: 2 };
    expect(issuesOf(model).map((issue) => issue.path)).toEqual(['/entities/0/attributes/0/generator/of/of']);
  });

  it('never throws on arbitrary JSON and arbitrary text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseModel(value);
        expect('model' in result || result.issues.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        parseModel(text);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a design with one field replaced by arbitrary JSON, nor do validation, sample data and preview on what it accepts', () => {
    const base = defaultModel();
    for (const entity of base.entities) entity.sampleCount = 4;
    const cache = new SampleCache();
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
      else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(base, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue(), (path, replacement) => {
        const copy = JSON.parse(JSON.stringify(base));
        let target = copy;
        for (const segment of path.slice(0, -1)) target = target[segment];
        target[path[path.length - 1] as string] = replacement;
        const result = parseModel(copy);
        if (!('model' in result)) return;
        validateModel(result.model);
        if (result.model.entities.reduce((sum, e) => sum + e.sampleCount, 0) > 500) return;
        computePreview(result.model, generateSampleItems(result.model, cache));
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('exports a JSON Schema document for other tools', () => {
    expect(designModelSchema.properties.version).toEqual({ const: MODEL_VERSION });
    expect(JSON.parse(JSON.stringify(designModelSchema))).toEqual(designModelSchema);
  });
});
