// Request shapes real clients send that DynamoDB accepts: legacy KeyConditions beside filter
// and projection expressions (SDK helpers that still build key conditions), and JSON nulls
// for absent members (clients that serialize every member).
import { beforeAll, describe, it } from 'vitest';
import { keyTable } from './testing/tables';
import { wireOracle } from './testing/wire';

const wire = wireOracle('shapes');
const table = wire.table('shapes');
const KEY_CONDITIONS = '"KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"a"}]}}';
const query = (members: string) => wire.same('Query', `{"TableName":"${table}",${KEY_CONDITIONS},${members}}`);

beforeAll(async () => {
  await wire.send(
    'CreateTable',
    JSON.stringify(keyTable(table, ['pk', 'S'], ['sk', 'N'])),
  );
  for (const sk of ['1', '2', '3']) {
    await wire.same('PutItem', `{"TableName":"${table}","Item":{"pk":{"S":"a"},"sk":{"N":"${sk}"},"v":{"N":"${sk}"},"m":{"M":{"x":{"S":"${sk}"}}}}}`);
  }
});

describe('KeyConditions', () => {
  it('is accepted beside FilterExpression and ProjectionExpression', async () => {
    await query('"ProjectionExpression":"v, m.x"');
    await query('"FilterExpression":"v > :v","ExpressionAttributeValues":{":v":{"N":"1"}}');
    await query('"FilterExpression":"#v > :v","ProjectionExpression":"#m.x, sk","ExpressionAttributeNames":{"#v":"v","#m":"m"},"ExpressionAttributeValues":{":v":{"N":"1"}},"Select":"SPECIFIC_ATTRIBUTES"');
    await query('"FilterExpression":"v > :v","ExpressionAttributeValues":{":v":{"N":"1"}},"Select":"COUNT","Limit":2');
  });

  it('keeps every other check of the expressions beside it', async () => {
    await query('"FilterExpression":"sk > :v","ExpressionAttributeValues":{":v":{"N":"1"}}');
    await query('"FilterExpression":"v > :v","ExpressionAttributeNames":{"#m":"m"},"ExpressionAttributeValues":{":v":{"N":"1"}}');
    await query('"ExpressionAttributeNames":{"#m":"m"}');
    await query('"ExpressionAttributeValues":{":v":{"N":"1"}}');
  });

  it('still clashes with KeyConditionExpression and with other legacy parameters', async () => {
    await query('"KeyConditionExpression":"pk = :p","FilterExpression":"v > :p","ExpressionAttributeValues":{":p":{"S":"a"}}');
    await query('"KeyConditionExpression":"pk = :p","QueryFilter":{"v":{"ComparisonOperator":"NULL"}},"ExpressionAttributeValues":{":p":{"S":"a"}}');
    await query('"QueryFilter":{"v":{"ComparisonOperator":"NULL"}},"FilterExpression":"attribute_exists(v)"');
    await query('"AttributesToGet":["v"],"ProjectionExpression":"v","QueryFilter":{"v":{"ComparisonOperator":"NULL"}}');
    await query('"ConditionalOperator":"AND","FilterExpression":"attribute_exists(v)"');
  });
});

describe('ListTables', () => {
  it('reads null members as absent', async () => {
    // Other files' tables share DynamoDB Local, so only the answer's shape is compared.
    await wire.send('ListTables', '{"ExclusiveStartTableName":null,"Limit":null}');
    await wire.same('ListTables', '{"ExclusiveStartTableName":"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz","Limit":null}');
  });
});
