import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { socialMediaModel } from '../examples/socialMedia';
import type { AccessPattern } from '../types';
import { FILTER_COMPARATORS, formForEntity, formToRequest, requestToForm, type PatternForm } from './form';

const model = socialMediaModel();
const asPattern = (form: PatternForm): AccessPattern => ({
  id: 'f',
  name: 'Form',
  operation: form.operation,
  ...(form.index ? { index: form.index } : {}),
  parameters: [],
  request: formToRequest(model, form),
});

describe('pattern form', () => {
  it('starts from the entity key templates', () => {
    expect(formForEntity(model, 'ent-post', 'Query')).toMatchObject({
      partitionValue: 'USER#{{userId}}',
      sort: { operator: 'begins_with', value: 'POST#' },
    });
    expect(formForEntity(model, 'ent-userProfile', 'Query', 'gsi-GSI2')).toMatchObject({ index: 'gsi-GSI2', partitionValue: '{{username}}' });
    expect(formForEntity(model, 'ent-userProfile', 'GetItem')).toMatchObject({ partitionValue: 'USER#{{userId}}', sort: { operator: '=', value: 'PROFILE' } });
  });

  it('builds a Query with attribute names for every key, filter and projection', () => {
    const form: PatternForm = {
      operation: 'Query',
      index: 'gsi-GSI1',
      partitionValue: 'POST',
      sort: { operator: 'BETWEEN', value: '{{from}}', high: '{{to}}' },
      filters: [{ attribute: 'status', comparator: '=', value: 'TRENDING', type: 'S' }],
      projection: ['postId', 'title'],
      scanIndexForward: false,
      limit: 10,
      consistentRead: false,
    };
    expect(formToRequest(model, form)).toEqual({
      IndexName: 'GSI1',
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :sk AND :skHigh',
      FilterExpression: '#f0 = :f0',
      ProjectionExpression: '#p0, #p1',
      ExpressionAttributeNames: { '#pk': 'GSI1PK', '#sk': 'GSI1SK', '#f0': 'status', '#p0': 'postId', '#p1': 'title' },
      ExpressionAttributeValues: { ':pk': { S: 'POST' }, ':sk': { S: '{{from}}' }, ':skHigh': { S: '{{to}}' }, ':f0': { S: 'TRENDING' } },
      ScanIndexForward: false,
      Limit: 10,
    });
  });

  it('reads the preloaded hand-written queries back into the form', () => {
    const posts = model.accessPatterns.find((p) => p.id === 'ap-getUserPosts');
    expect(posts && requestToForm(model, posts)).toEqual({
      operation: 'Query',
      partitionValue: 'USER#{{userId}}',
      sort: { operator: 'begins_with', value: 'POST#' },
      filters: [],
      projection: [],
      scanIndexForward: false,
      limit: 20,
      consistentRead: false,
    });
  });

  it('leaves requests the form cannot express to the JSON editor', () => {
    const tx = model.accessPatterns.find((p) => p.operation === 'TransactWriteItems');
    expect(tx && requestToForm(model, tx)).toBeUndefined();
    const orFilter: AccessPattern = {
      id: 'o',
      name: 'Or',
      operation: 'Scan',
      parameters: [],
      request: { FilterExpression: 'a = :a OR b = :a', ExpressionAttributeValues: { ':a': { S: '1' } } },
    };
    expect(requestToForm(model, orFilter)).toBeUndefined();
  });

  it('round-trips every form through its request', () => {
    const text = fc.stringMatching(/^[A-Za-z0-9#{}_-]{1,12}$/);
    const attribute = fc.constantFrom('status', 'title', 'likesCount', 'createdAt');
    const filter = fc.record({
      attribute,
      comparator: fc.constantFrom(...FILTER_COMPARATORS),
      value: text,
      type: fc.constantFrom('S' as const, 'N' as const),
    }).map((f) => (f.comparator.startsWith('attribute_') ? { ...f, value: '', type: 'S' as const } : f));
    const form = fc
      .record({
        operation: fc.constantFrom('GetItem' as const, 'Query' as const, 'Scan' as const),
        index: fc.constantFrom(undefined, 'gsi-GSI1', 'gsi-GSI3'),
        partitionValue: text,
        sort: fc.option(fc.record({ operator: fc.constantFrom('=' as const, '<' as const, '>=' as const, 'begins_with' as const, 'BETWEEN' as const), value: text, high: text }), { nil: undefined }),
        filters: fc.array(filter, { maxLength: 3 }),
        projection: fc.uniqueArray(attribute, { maxLength: 3 }),
        scanIndexForward: fc.boolean(),
        limit: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
        consistentRead: fc.boolean(),
      })
      .map((f): PatternForm => {
        const { index, sort, limit, ...rest } = f;
        const normal: PatternForm = { ...rest, scanIndexForward: f.operation === 'Query' ? f.scanIndexForward : true };
        if (f.operation !== 'GetItem' && index) normal.index = index;
        if (f.operation === 'GetItem') {
          normal.sort = { operator: '=', value: sort?.value ?? 'X' };
          normal.filters = [];
        } else if (f.operation === 'Query' && sort) {
          normal.sort = { operator: sort.operator, value: sort.value, ...(sort.operator === 'BETWEEN' ? { high: sort.high } : {}) };
        }
        if (f.operation === 'Scan') normal.partitionValue = '';
        if (f.operation !== 'GetItem' && limit !== undefined) normal.limit = limit;
        return normal;
      });
    fc.assert(
      fc.property(form, (f) => {
        expect(requestToForm(model, asPattern(f))).toEqual(f);
      }),
    );
  });
});

describe('pattern form while typing', () => {
  it('keeps a filter row whose attribute is still empty', () => {
    const form: PatternForm = {
      operation: 'Scan',
      partitionValue: '',
      filters: [{ attribute: '', comparator: '=', value: '', type: 'S' }],
      projection: [],
      scanIndexForward: true,
      consistentRead: false,
    };
    expect(requestToForm(model, asPattern(form))).toEqual(form);
  });
});
