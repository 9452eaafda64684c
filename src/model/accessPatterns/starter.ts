// A first request for a new pattern or a changed operation, built from an entity's key
// templates so the user starts from something that runs rather than from an empty object.
import type { DesignModel, Entity, PatternOperation } from '../types';
import { formForEntity, formToRequest } from './form';

type Json = Record<string, unknown>;

function keyOf(model: DesignModel, entity: Entity | undefined): Json {
  const key: Json = { [model.table.partitionKey.name]: { [model.table.partitionKey.type]: entity?.keys.partitionKey ?? '' } };
  if (model.table.sortKey) key[model.table.sortKey.name] = { [model.table.sortKey.type]: entity?.keys.sortKey ?? '' };
  return key;
}

function itemOf(model: DesignModel, entity: Entity | undefined): Json {
  const item = keyOf(model, entity);
  for (const a of entity?.attributes ?? []) {
    if (a.type === 'S' || a.type === 'N') item[a.name] = { [a.type]: `{{${a.name}}}` };
  }
  if (entity?.typeAttribute) item[entity.typeAttribute] = { S: entity.name };
  return item;
}

export function starterRequest(model: DesignModel, entityId: string | undefined, operation: PatternOperation, index?: string): Json {
  const entity = model.entities.find((e) => e.id === entityId);
  const key = keyOf(model, entity);
  switch (operation) {
    case 'GetItem':
    case 'Query':
    case 'Scan':
      return formToRequest(model, formForEntity(model, entityId, operation, index));
    case 'PutItem':
      return { Item: itemOf(model, entity) };
    case 'UpdateItem': {
      const keyNames = new Set(Object.keys(key));
      const first = entity?.attributes.find((a) => !keyNames.has(a.name) && (a.type === 'S' || a.type === 'N'));
      if (!first) return { Key: key, UpdateExpression: '' };
      return {
        Key: key,
        UpdateExpression: 'SET #a = :a',
        ExpressionAttributeNames: { '#a': first.name },
        ExpressionAttributeValues: { ':a': { [first.type]: `{{${first.name}}}` } },
      };
    }
    case 'DeleteItem':
      return { Key: key };
    case 'BatchGetItem':
      return { RequestItems: { '{{table}}': { Keys: [key] } } };
    case 'BatchWriteItem':
      return { RequestItems: { '{{table}}': [{ PutRequest: { Item: itemOf(model, entity) } }] } };
    case 'TransactGetItems':
      return { TransactItems: [{ Get: { Key: key } }] };
    case 'TransactWriteItems':
      return { TransactItems: [{ Put: { Item: itemOf(model, entity) } }] };
    case 'ExecuteStatement': {
      const pk = model.table.partitionKey;
      return { Statement: `SELECT * FROM "{{table}}" WHERE "${pk.name}" = ?`, Parameters: [{ [pk.type]: entity?.keys.partitionKey ?? '' }] };
    }
  }
}
