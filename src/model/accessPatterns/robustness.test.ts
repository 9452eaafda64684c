import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { socialMediaModel } from '../examples/socialMedia';
import type { AccessPattern, PatternOperation } from '../types';
import { AccessPatternError, buildRequest } from './buildRequest';
import { chartMarkdown } from './chart';
import { checkPattern } from './checkPattern';
import { requestToForm } from './form';

const model = socialMediaModel();
const operations: PatternOperation[] = ['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems', 'ExecuteStatement'];

// Requests come from a JSON editor and from imported files: anything JSON can say.
const member = fc.constantFrom('Key', 'Item', 'KeyConditionExpression', 'FilterExpression', 'ProjectionExpression', 'ExpressionAttributeNames', 'ExpressionAttributeValues', 'IndexName', 'RequestItems', 'TransactItems', 'Statement', 'Limit', '{{table}}', 'PK', 'S');
const text = fc.oneof(fc.string(), fc.constantFrom('PK = :pk', 'begins_with(SK, :sk)', '{{x}}', 'GSI1', ':pk', '#n', 'USER#{{userId}}'));
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), tie('object')),
  object: fc.dictionary(fc.oneof(member, fc.string()), tie('value'), { maxKeys: 4 }),
})).value;

describe('bad requests never crash the access-pattern functions', () => {
  it('checks, charts, maps to the form and builds (or explains why not) any JSON request', () => {
    fc.assert(
      fc.property(fc.constantFrom(...operations), fc.dictionary(member, json, { maxKeys: 5 }), fc.option(fc.constantFrom('gsi-GSI1', 'gsi-nope')), (operation, request, index) => {
        const pattern: AccessPattern = { id: 'p', name: 'P', operation, parameters: [{ name: 'x', type: 'N' }], request, ...(index ? { index } : {}) };
        expect(Array.isArray(checkPattern(model, pattern, []))).toBe(true);
        requestToForm(model, pattern);
        expect(chartMarkdown({ ...model, accessPatterns: [pattern] })).toContain('| P |');
        try {
          buildRequest(model, pattern, { x: '1' });
        } catch (error) {
          expect(error).toBeInstanceOf(AccessPatternError);
        }
      }),
      { numRuns: 400 },
    );
  });
});
