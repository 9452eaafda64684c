// The order of set members in answers, compared as JSON text with DynamoDB Local (the SDK
// comparison in testing/differential.ts sorts members, so it cannot see order).
import { beforeAll, describe, it } from 'vitest';
import { wireOracle } from './testing/wire';

const wire = wireOracle('sets');
const table = wire.table('sets');
const key = (pk: string) => `{"pk":{"S":"${pk}"}}`;
const update = (pk: string, expression: string, values: string) =>
  wire.same('UpdateItem', `{"TableName":"${table}","Key":${key(pk)},"UpdateExpression":"${expression}","ExpressionAttributeValues":${values},"ReturnValues":"ALL_NEW"}`);

beforeAll(async () => {
  await wire.send(
    'CreateTable',
    JSON.stringify({ TableName: table, BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }] }),
  );
});

// Strings where UTF-16 and UTF-8 order disagree (a surrogate pair against U+FF5E), numbers
// whose text order is not their value order, and bytes whose signed and unsigned orders differ.
const STRINGS = '{"SS":["z","é","a","Z","\\ud83d\\ude00","\\uff5e","B"]}';
const NUMBERS = '{"NS":["1e2","-0.5","3","-10","0.001","10","9"]}';
const BINARIES = '{"BS":["AQA=","AQ==","AP8=","gAA=","gA==","/w==","AA=="]}';

describe('set members', () => {
  it('come back sorted as Local sorts a set read from a request', async () => {
    await wire.same('PutItem', `{"TableName":"${table}","Item":{"pk":{"S":"put"},"s":${STRINGS},"n":${NUMBERS},"b":${BINARIES},"deep":{"L":[{"M":{"s":${STRINGS},"n":${NUMBERS},"b":${BINARIES}}}]}}}`);
    await wire.same('GetItem', `{"TableName":"${table}","Key":${key('put')}}`);
    await update('set', 'SET s = :s, n = :n, b = :b', `{":s":${STRINGS},":n":${NUMBERS},":b":${BINARIES}}`);
    await wire.same('Query', `{"TableName":"${table}","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"set"}}}`);
  });

  it('come back sorted by stored bytes after ADD or DELETE rebuilds the set', async () => {
    await update('add', 'ADD s :s, n :n, b :b', `{":s":{"SS":["q"]},":n":{"NS":["4"]},":b":{"BS":["fw=="]}}`);
    await update('add', 'ADD s :s, n :n, b :b', `{":s":${STRINGS},":n":${NUMBERS},":b":${BINARIES}}`);
    await update('add', 'DELETE s :s, n :n, b :b', `{":s":{"SS":["q"]},":n":{"NS":["4"]},":b":{"BS":["fw=="]}}`);
    await wire.same('GetItem', `{"TableName":"${table}","Key":${key('add')},"ConsistentRead":true}`);
    await wire.same(
      'UpdateItem',
      `{"TableName":"${table}","Key":${key('legacy')},"AttributeUpdates":{"s":{"Action":"ADD","Value":${STRINGS}},"b":{"Action":"PUT","Value":${BINARIES}}},"ReturnValues":"ALL_NEW"}`,
    );
  });
});
