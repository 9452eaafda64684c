import { describe, expect, it } from 'vitest';
import { socialMediaModel } from '../examples/socialMedia';
import type { AccessPattern, PatternOperation } from '../types';
import { checkPattern } from './checkPattern';
import { syncParameters } from './placeholders';
import { starterRequest } from './starter';

const model = socialMediaModel();
const operations: PatternOperation[] = ['GetItem', 'Query', 'Scan', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchGetItem', 'BatchWriteItem', 'TransactGetItems', 'TransactWriteItems', 'ExecuteStatement'];

describe('starterRequest', () => {
  it.each(operations)('starts a %s on the entity keys without check errors', (operation) => {
    const request = starterRequest(model, 'ent-post', operation);
    const pattern: AccessPattern = { id: 'n', name: 'New', operation, entity: 'ent-post', parameters: syncParameters(request, []), request };
    expect(checkPattern(model, pattern).filter((v) => v.level === 'error')).toEqual([]);
  });

  it('uses the entity templates as placeholders', () => {
    expect(starterRequest(model, 'ent-post', 'DeleteItem')).toEqual({ Key: { PK: { S: 'USER#{{userId}}' }, SK: { S: 'POST#{{postId}}' } } });
  });
});
