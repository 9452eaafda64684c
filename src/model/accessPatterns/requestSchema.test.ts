import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { socialMediaModel } from '../examples/socialMedia';
import { SHOP_IDS, shopDesign } from '../testing/shopDesign';
import { requestSchema } from './requestSchema';
import { starterRequest } from './starter';

describe('requestSchema', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });

  it('accepts every preloaded request', () => {
    for (const p of socialMediaModel().accessPatterns) {
      const validate = ajv.compile(requestSchema(p.operation));
      expect(validate(p.request), `${p.name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('rejects a misspelt member and a malformed AttributeValue', () => {
    const validate = ajv.compile(requestSchema('Query'));
    expect(validate({ KeyConditionExpresion: 'PK = :pk' })).toBe(false);
    expect(validate({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: 'a', N: '1' } } })).toBe(false);
    expect(validate({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: 'a' } }, Limit: 0 })).toBe(false);
  });

  it('accepts the whole-entity writes the designer starts, document values as parameters', () => {
    const shop = shopDesign();
    for (const operation of ['PutItem', 'UpdateItem', 'BatchWriteItem', 'TransactWriteItems'] as const) {
      const validate = ajv.compile(requestSchema(operation));
      const request = starterRequest(shop, SHOP_IDS.order, operation);
      expect(validate(request), `${operation}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    const put = ajv.compile(requestSchema('PutItem'));
    expect(put({ Item: { tags: { SS: 'tags' } } })).toBe(false);
  });
});
