// Test support: DynamoDB Local as the oracle for the expression layer, plus a one-table
// reference runner that answers the same requests with compileExpressions and friends.
// Requests go over the wire as raw JSON so malformed input reaches DynamoDB Local unchanged
// (the SDK would reject or reshape it client-side).
import { compareValues, type AttributeValue, type Item } from '../../AttributeValue';
import { DynamoDBError } from '../../errors';
import { checkFilterKeys } from '../../Query';
import {
  applyUpdate,
  compileExpressions,
  conditionPaths,
  evaluateCondition,
  matchesSortKey,
  projectItem,
  type ExpressionInput,
  type ExpressionOperation,
} from '../index';

export type Outcome =
  | { error: { type: string; message: string } }
  | { ok: true; item?: Item | undefined; items?: Item[] };

export interface LocalTable {
  name: string;
  partitionKey: string;
  sortKey: string;
  sortKeyType: 'S' | 'N' | 'B';
}

export async function callLocal(endpoint: string, operation: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDB_20120810.${operation}`,
      authorization: 'AWS4-HMAC-SHA256 Credential=test/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

export function localOutcome(body: Record<string, unknown>, pick: (body: Record<string, unknown>) => Outcome): Outcome {
  const type = body.__type;
  if (typeof type === 'string') {
    return { error: { type: type.slice(type.indexOf('#') + 1), message: String(body.Message ?? body.message) } };
  }
  return pick(body);
}

export async function createTable(endpoint: string, table: LocalTable): Promise<void> {
  const body = await callLocal(endpoint, 'CreateTable', {
    TableName: table.name,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: table.partitionKey, KeyType: 'HASH' },
      { AttributeName: table.sortKey, KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: table.partitionKey, AttributeType: 'S' },
      { AttributeName: table.sortKey, AttributeType: table.sortKeyType },
    ],
  });
  if (typeof body.__type === 'string') throw new Error(`CreateTable failed: ${JSON.stringify(body)}`);
}

function sameValue(a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  return a !== undefined && b !== undefined && compareValues(a, b) === 0;
}

function engineError(error: unknown): Outcome {
  if (error instanceof DynamoDBError) return { error: { type: error.errorName, message: error.message } };
  throw error;
}

const CONDITION_FAILED: Outcome = {
  error: { type: 'ConditionalCheckFailedException', message: 'The conditional request failed' },
};

/**
 * Answers one request against `items` (the table's whole content) the way the engine's
 * actions use the expression layer. `stored` is the item the request's key addresses.
 */
export function referenceOutcome(
  table: LocalTable,
  operation: ExpressionOperation,
  request: ExpressionInput & { Key?: Item; Item?: Item },
  items: readonly Item[],
): Outcome {
  const keySchema = {
    partitionKey: table.partitionKey,
    sortKey: table.sortKey,
    attributeTypes: { [table.partitionKey]: 'S', [table.sortKey]: table.sortKeyType } as const,
  };
  try {
    const compiled = compileExpressions(operation, request, keySchema);
    const key = request.Key ?? request.Item ?? {};
    const stored = items.find((item) => [table.partitionKey, table.sortKey].every((name) => sameValue(item[name], key[name])));
    switch (operation) {
      case 'GetItem':
        return { ok: true, item: stored && compiled.projection ? projectItem(compiled.projection, stored) : stored };
      case 'PutItem':
      case 'DeleteItem':
        if (compiled.condition && !evaluateCondition(compiled.condition, stored)) return CONDITION_FAILED;
        return { ok: true };
      case 'UpdateItem': {
        if (compiled.condition && !evaluateCondition(compiled.condition, stored)) return CONDITION_FAILED;
        const updated = compiled.update ? applyUpdate(compiled.update, stored ?? key, [table.partitionKey, table.sortKey]) : (stored ?? key);
        return { ok: true, item: updated };
      }
      case 'Query':
      case 'Scan': {
        const keyCondition = compiled.keyCondition;
        if (operation === 'Query' && compiled.filter) {
          const schema = { hash: { name: table.partitionKey, type: 'S' as const }, range: { name: table.sortKey, type: table.sortKeyType } };
          checkFilterKeys(request, conditionPaths(compiled.filter).map((path) => path[0]), schema);
        }
        const sorted = [...items].sort((a, b) => compareValues(a[table.sortKey] as AttributeValue, b[table.sortKey] as AttributeValue));
        const matched = sorted.filter((item) => {
          if (keyCondition) {
            const partition = item[keyCondition.partitionKey];
            if (partition === undefined || compareValues(partition, keyCondition.partitionValue) !== 0) return false;
            const sort = keyCondition.sortKey;
            if (sort && !matchesSortKey(sort.condition, item[sort.name] as AttributeValue)) return false;
          }
          return compiled.filter === undefined || evaluateCondition(compiled.filter, item);
        });
        const projection = compiled.projection;
        return { ok: true, items: projection ? matched.map((item) => projectItem(projection, item)) : matched };
      }
      default:
        throw new Error(`referenceOutcome: ${operation} is not covered`);
    }
  } catch (error) {
    return engineError(error);
  }
}

/** Sets come back in any order; lists and everything else keep theirs. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const element = (value as Record<string, unknown>)[key];
    out[key] = (key === 'SS' || key === 'NS' || key === 'BS') && Array.isArray(element) ? [...element].sort() : canonical(element);
  }
  return out;
}
