// A first request for a new pattern or a changed operation, built from an entity's key
// templates so the user starts from something that runs rather than from an empty object.
// Writes carry the whole entity (see entityWrites), so running one keeps the item in every
// index the entity writes.
import type { DesignModel, PatternOperation } from '../types';
import { createCondition, createTemplate, itemTemplate, keyTemplateOf, updateTemplate } from './entityWrites';
import { formForEntity, formToRequest } from './form';

type Json = Record<string, unknown>;

export function starterRequest(model: DesignModel, entityId: string | undefined, operation: PatternOperation, index?: string): Json {
  const entity = model.entities.find((e) => e.id === entityId);
  const key = keyTemplateOf(model, entity);
  switch (operation) {
    case 'GetItem':
    case 'Query':
    case 'Scan':
      return formToRequest(model, formForEntity(model, entityId, operation, index));
    case 'PutItem':
      return entity ? createTemplate(model, entity) : { Item: key, ...createCondition(model) };
    case 'UpdateItem':
      return entity ? updateTemplate(model, entity) : { Key: key, UpdateExpression: '' };
    case 'DeleteItem':
      return { Key: key };
    case 'BatchGetItem':
      return { RequestItems: { '{{table}}': { Keys: [key] } } };
    case 'BatchWriteItem':
      // A batch put cannot carry a condition: it writes the whole item, replacing any other.
      return { RequestItems: { '{{table}}': [{ PutRequest: { Item: entity ? itemTemplate(model, entity) : key } }] } };
    case 'TransactGetItems':
      return { TransactItems: [{ Get: { Key: key } }] };
    case 'TransactWriteItems':
      return { TransactItems: [{ Put: entity ? createTemplate(model, entity) : { Item: key, ...createCondition(model) } }] };
    case 'ExecuteStatement': {
      const pk = model.table.partitionKey;
      return { Statement: `SELECT * FROM "{{table}}" WHERE "${pk.name.replace(/"/g, '""')}" = ?`, Parameters: [{ [pk.type]: entity?.keys.partitionKey ?? '' }] };
    }
  }
}
