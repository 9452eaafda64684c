// DynamoDB's limits on nesting, operators and sizes, compared with DynamoDB Local as JSON on
// the wire (the SDK would refuse some of these bodies itself). No input, however deep, may
// exhaust the engine's stack or answer with JavaScript's own error text.
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from './index';
import { wireOracle } from './testing/wire';

const wire = wireOracle('limits');
const table = wire.table('limits');

/** `{"M":{"a":…}}` wrapped `levels` times around a string. */
const nestedMap = (levels: number, leaf = '{"S":"x"}') => '{"M":{"a":'.repeat(levels) + leaf + '}}'.repeat(levels);
const nestedList = (levels: number) => '{"L":['.repeat(levels) + '{"S":"x"}' + ']}'.repeat(levels);
const path = (levels: number) => ['m', ...Array<string>(levels - 1).fill('a')].join('.');
const put = (item: string, extra = '') => wire.same('PutItem', `{"TableName":"${table}","Item":${item}${extra}}`);
const scan = (members: string) => wire.same('Scan', `{"TableName":"${table}",${members}}`);
const values = '"ExpressionAttributeValues":{":v":{"S":"x"},":n":{"N":"1"}}';
const filter = (expression: string) => scan(`"FilterExpression":${JSON.stringify(expression)},${values}`);
const repeat = (text: string, times: number, separator: string) => Array<string>(times).fill(text).join(separator);

beforeAll(async () => {
  await wire.send(
    'CreateTable',
    JSON.stringify({ TableName: table, BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }] }),
  );
});

describe('nesting', () => {
  it('takes values 32 levels deep and refuses deeper ones in items, keys and expression values', async () => {
    for (const levels of [31, 32, 40]) {
      await put(`{"pk":{"S":"m${levels}"},"m":${nestedMap(levels)}}`);
      await put(`{"pk":{"S":"l${levels}"},"m":${nestedList(levels)}}`);
    }
    await wire.same('GetItem', `{"TableName":"${table}","Key":{"pk":${nestedMap(32)}}}`);
    await wire.same('UpdateItem', `{"TableName":"${table}","Key":{"pk":{"S":"m31"}},"UpdateExpression":"SET x = :v","ExpressionAttributeValues":{":v":${nestedMap(32)}}}`);
    await wire.same('Scan', `{"TableName":"${table}","ScanFilter":{"m":{"ComparisonOperator":"EQ","AttributeValueList":[${nestedMap(33)}]}}}`);
  });

  it('checks nesting in member order, after the table and before the expressions', async () => {
    await put(`{"pk":{"S":"order"},"a":{"N":"abc"},"m":${nestedMap(40, '{"N":"x"}')}}`);
    await put(`{"pk":{"S":"order"},"m":${nestedMap(40, '{"N":"x"}')},"a":{"N":"abc"}}`);
    await put(`{"pk":{"S":"order"},"m":${nestedMap(40)}}`, ',"ConditionExpression":"a = "');
    await wire.same('PutItem', `{"TableName":"no-such-table","Item":{"pk":{"S":"x"},"m":${nestedMap(40)}}}`);
  });

  it('refuses an update that writes a value deeper than 32 levels', async () => {
    const update = (target: string, value: string) =>
      wire.same('UpdateItem', `{"TableName":"${table}","Key":{"pk":{"S":"m31"}},"UpdateExpression":"SET ${target} = :v","ExpressionAttributeValues":{":v":${value}},"ReturnValues":"UPDATED_NEW"}`);
    await update(path(31), nestedMap(5));
    await update(path(30), nestedList(2));
    await update(path(29), nestedMap(3));
  });

  it('checks nesting in batches, transactions and PartiQL', async () => {
    await wire.same('BatchWriteItem', `{"RequestItems":{"${table}":[{"PutRequest":{"Item":{"pk":{"S":"b"},"m":${nestedMap(33)}}}}]}}`);
    await wire.same('BatchWriteItem', `{"RequestItems":{"${table}":[{"DeleteRequest":{"Key":{"pk":${nestedList(33)}}}}]}}`);
    await wire.same('TransactWriteItems', `{"TransactItems":[{"Put":{"TableName":"${table}","Item":{"pk":{"S":"t"},"m":${nestedMap(33)}}}}]}`);
    await wire.same(
      'TransactWriteItems',
      `{"TransactItems":[{"Update":{"TableName":"${table}","Key":{"pk":{"S":"m31"}},"UpdateExpression":"SET ${path(31)} = :v","ExpressionAttributeValues":{":v":${nestedMap(5)}}}}]}`,
    );
    await wire.same('ExecuteStatement', `{"Statement":"UPDATE \\"${table}\\" SET d = ${"{'a':".repeat(32)}1${'}'.repeat(32)} WHERE pk = 'm31'"}`);
    await wire.same('ExecuteStatement', `{"Statement":"SELECT * FROM \\"${table}\\" WHERE pk = ?","Parameters":[${nestedMap(33)}]}`);
  });

  it('limits document paths to 32 levels', async () => {
    await wire.same('GetItem', `{"TableName":"${table}","Key":{"pk":{"S":"m31"}},"ProjectionExpression":"${path(32)}"}`);
    await wire.same('GetItem', `{"TableName":"${table}","Key":{"pk":{"S":"m31"}},"ProjectionExpression":"${path(33)}"}`);
    await wire.same('GetItem', `{"TableName":"${table}","Key":{"pk":{"S":"l31"}},"ProjectionExpression":"m${'[0]'.repeat(40)}"}`);
  });
});

describe('operators', () => {
  it('counts up to 300 operators in a condition', async () => {
    await filter(repeat('a = :v', 150, ' OR '));
    await filter(repeat('a = :v', 151, ' OR '));
    await filter(`${'NOT '.repeat(300)}a = :v`);
    await filter(`${'NOT '.repeat(400)}a = :v`);
    await filter(repeat('size(a) = :n', 100, ' OR '));
    await filter(repeat('size(a) = :n', 101, ' OR '));
    await filter(repeat('a BETWEEN :v AND :v', 151, ' OR '));
    await filter(repeat('a IN (:v, :v, :v)', 151, ' OR '));
    await filter(repeat('attribute_exists(a)', 151, ' OR ').replace(/$/, ' OR a = :v OR size(a) = :n'));
    await filter(repeat('begins_with(a, :v)', 151, ' OR '));
    await filter(repeat('contains(a, :v)', 151, ' OR '));
    await filter(repeat('attribute_type(a, :v)', 163, ' OR '));
    await wire.same(
      'Query',
      `{"TableName":"${table}","KeyConditionExpression":${JSON.stringify(`pk = :v${' AND pk = :v'.repeat(300)}`)},"ExpressionAttributeValues":{":v":{"S":"x"}}}`,
    );
  });

  it('refuses nesting of any depth without exhausting the stack', async () => {
    await filter(`${'('.repeat(2000)}a = :v${')'.repeat(2000)}`);
    await filter(`${'size('.repeat(600)}a${')'.repeat(600)} = :n`);
    await filter(`${'('.repeat(200)}a${')'.repeat(200)} = :v`);
    await wire.same('UpdateItem', `{"TableName":"${table}","Key":{"pk":{"S":"m31"}},"UpdateExpression":${JSON.stringify(`SET a = ${'('.repeat(1500)}:v${')'.repeat(1500)}`)},"ExpressionAttributeValues":{":v":{"S":"x"}}}`);
  });
});

describe('sizes', () => {
  const long = 'b'.repeat(4100);
  it('limits every expression to 4 KB', async () => {
    await filter(`a = :v AND ${long} = :v`);
    await scan(`"ProjectionExpression":"${long}"`);
    await wire.same('UpdateItem', `{"TableName":"${table}","Key":{"pk":{"S":"z"}},"UpdateExpression":"SET ${long} = :v",${values.replace(',":n":{"N":"1"}', '')}}`);
    await wire.same('PutItem', `{"TableName":"${table}","Item":{"pk":{"S":"z"}},"ConditionExpression":"attribute_exists(${long})"}`);
    await wire.same('Query', `{"TableName":"${table}","KeyConditionExpression":"pk = :v AND ${long} = :v",${values.replace(',":n":{"N":"1"}', '')}}`);
  });

  it('limits attribute names in ExpressionAttributeNames to 64 KB of UTF-8', async () => {
    for (const name of ['n'.repeat(65535), 'n'.repeat(65536), 'é'.repeat(32768), 'é'.repeat(32767)]) {
      await scan(`"ProjectionExpression":"#n, #m","ExpressionAttributeNames":{"#n":"${name}","#m":""}`);
    }
  });
});

describe('beyond what DynamoDB Local answers', () => {
  it('refuses a value nested thousands of levels deep with the nesting error (Local fails with InternalFailure)', () => {
    const engine = createEngine();
    engine.CreateTable({ TableName: 'deep', BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }] });
    for (const value of [nestedMap(3000), nestedList(100_000)]) {
      const answer = engine.dispatch('PutItem', JSON.parse(`{"TableName":"deep","Item":{"pk":{"S":"x"},"m":${value}}}`));
      expect(answer).toEqual({
        status: 400,
        body: {
          __type: 'com.amazonaws.dynamodb.v20120810#ValidationException',
          message: 'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit',
        },
      });
    }
  });
});
