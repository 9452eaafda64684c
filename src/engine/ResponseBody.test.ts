import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from './index';
import { attributeValue } from './property/values';
import { itemJson, responseBody } from './ResponseBody';
import { keyTable } from './testing/tables';

const decoder = new TextDecoder();
const text = (payload: Record<string, unknown>) => decoder.decode(responseBody(payload));

function socialEngine() {
  const engine = createEngine();
  engine.CreateTable(keyTable('Social', ['PK', 'S'], ['SK', 'S']) as never);
  for (let i = 0; i < 5; i++) {
    engine.PutItem({ TableName: 'Social', Item: { PK: { S: 'USER#1' }, SK: { S: `POST#${i}` }, title: { S: `Grüße ${i} 🎉` }, likes: { N: String(i) } } });
  }
  return engine;
}

describe('itemJson', () => {
  const anyText = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '\u0000', '\u001f', '\ud800', '\udc00', 'é', '😀'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 })) });

  it('writes items exactly as JSON.stringify does', () => {
    const item = fc.dictionary(fc.oneof(anyText, fc.constantFrom('a', '0', '12')), attributeValue, { maxKeys: 6 });
    fc.assert(fc.property(item, (value) => itemJson(value) === JSON.stringify(value)), { numRuns: 2000 });
  });

  it('writes anything else exactly as JSON.stringify does', () => {
    const loose = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(anyText, fc.record({ S: fc.oneof(anyText, fc.integer()), SS: fc.array(fc.oneof(anyText, fc.constant(undefined))) }, { requiredKeys: [] })),
      fc.dictionary(anyText, fc.dictionary(fc.constantFrom('M', 'L', 'BOOL', 'NULL', 'X'), fc.jsonValue(), { maxKeys: 2 })),
      fc.dictionary(anyText, fc.constantFrom(undefined, { N: '1' }, { NULL: true }, { L: [undefined, { S: 'x' }] }, { M: new Date(0) }, new Date(0), { S: () => 1 })),
    );
    fc.assert(fc.property(loose, (value) => itemJson(value) === JSON.stringify(value)), { numRuns: 2000 });
  });
});

describe('responseBody', () => {
  it('is the payload’s JSON in UTF-8, with or without Items', () => {
    const payloads = [
      { Items: [{ a: { S: 'ü "quoted" \\ \u0001' } }, { b: { L: [{ N: '1' }, { NULL: true }] } }], Count: 2, ScannedCount: 2, LastEvaluatedKey: { PK: { S: 'é' } } },
      { Items: [], Count: 0, ScannedCount: 0 },
      { Item: { PK: { S: '𝄞' } } },
      { __type: 'com.amazonaws.dynamodb.v20120810#ValidationException', message: 'bad' },
    ];
    for (const payload of payloads) expect(text(payload)).toBe(JSON.stringify(payload));
  });

  it('keeps every body intact while later ones are written, also past a slab and for large bodies', () => {
    const payloads = Array.from({ length: 3000 }, (_, i) => ({ Items: [{ n: { N: String(i) }, s: { S: 'x'.repeat(i % 300) + 'ß' } }], Count: 1 }));
    payloads.push({ Items: [{ n: { N: '1' }, s: { S: '€'.repeat(40_000) } }], Count: 1 });
    const bodies = payloads.map((payload) => responseBody(payload));
    bodies.forEach((body, i) => expect(decoder.decode(body)).toBe(JSON.stringify(payloads[i])));
  });

  it('answers pages of a Query with their items as stored, and projected items as projected', () => {
    const engine = socialEngine();
    const input = { TableName: 'Social', KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: 'USER#1' } }, Limit: 3 };
    const first = engine.Query(input) as Record<string, unknown>;
    const stored = JSON.parse(JSON.stringify(first));
    expect(JSON.parse(text(first))).toEqual(stored);
    expect(JSON.parse(text(engine.Query(input) as Record<string, unknown>))).toEqual(stored);
    const projected = engine.Query({ ...input, ProjectionExpression: 'title' }) as Record<string, unknown>;
    expect(JSON.parse(text(projected))).toEqual(JSON.parse(JSON.stringify(projected)));
    expect(JSON.parse(text(projected)).Items[0]).toEqual({ title: { S: 'Grüße 0 🎉' } });
  });

  it('answers with an item’s new value once it is written again', () => {
    const engine = socialEngine();
    const input = { TableName: 'Social', KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: 'USER#1' } } };
    text(engine.Query(input) as Record<string, unknown>);
    engine.UpdateItem({ TableName: 'Social', Key: { PK: { S: 'USER#1' }, SK: { S: 'POST#2' } }, UpdateExpression: 'SET likes = :n', ExpressionAttributeValues: { ':n': { N: '99' } } });
    const after = JSON.parse(text(engine.Query(input) as Record<string, unknown>));
    expect(after.Items[2].likes).toEqual({ N: '99' });
  });
});
