// How the endpoint reads a request's bytes and signature, against DynamoDB Local over raw HTTP:
// bytes that are not UTF-8 are refused (never replaced with U+FFFD, which would make two keys
// one), and a SigV4 credential scope with an empty service, as the `aws4` library signs for a
// bare IP host, is answered like any other.
import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { postJson, type WireAnswer } from '../engine/testing/wire';
import { startTestServer, type TestServer } from './testing/TestServer';

let server: TestServer;
let local: string;
const table = `utf8-${Date.now().toString(36)}`;

beforeAll(async () => {
  local = inject('dynamodbLocalEndpoint');
  server = await startTestServer();
  const create = JSON.stringify({ TableName: table, BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }] });
  for (const endpoint of [local, server.endpoint]) expect((await postJson(endpoint, 'CreateTable', create)).status).toBe(200);
});
afterAll(() => server.close());

const errorOf = (answer: WireAnswer) => {
  const body = answer.body as { __type?: string };
  return { status: answer.status, type: body.__type?.slice(body.__type.indexOf('#') + 1) };
};

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

describe('request bytes', () => {
  const put = (value: Uint8Array) => concat(utf8(`{"TableName":"${table}","Item":{"pk":{"S":"x`), value, utf8('"}}}'));

  it('refuses bytes that are not UTF-8 as DynamoDB Local does', async () => {
    const invalid = [[0xff], [0xc3], [0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80]].map((bytes) => Uint8Array.from(bytes));
    for (const bytes of invalid) {
      const [fromLocal, fromEngine] = await Promise.all([postJson(local, 'PutItem', put(bytes)), postJson(server.endpoint, 'PutItem', put(bytes))]);
      expect(errorOf(fromEngine), `bytes ${[...bytes].join(',')}`).toEqual(errorOf(fromLocal));
      expect(fromEngine.status).toBe(500);
    }
    const nameBytes = concat(utf8(`{"TableName":"${table}","Item":{"pk":{"S":"x"},"`), Uint8Array.from([0xfe]), utf8('":{"S":"a"}}}'));
    expect(errorOf(await postJson(server.endpoint, 'PutItem', nameBytes))).toEqual(errorOf(await postJson(local, 'PutItem', nameBytes)));
  });

  it('refuses the forms DynamoDB Local lets through: overlong, surrogate and beyond U+10FFFF (LocalDifferences non-utf8-bytes)', async () => {
    for (const bytes of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]].map((list) => Uint8Array.from(list))) {
      const [fromLocal, fromEngine] = await Promise.all([postJson(local, 'PutItem', put(bytes)), postJson(server.endpoint, 'PutItem', put(bytes))]);
      expect([fromLocal.status, errorOf(fromEngine)], `bytes ${[...bytes].join(',')}`).toEqual([200, { status: 500, type: 'InternalFailure' }]);
    }
  });

  it('keeps keys that differ in one invalid byte from becoming the same key', async () => {
    const written = (value: Uint8Array, marker: string) => concat(utf8(`{"TableName":"${table}","Item":{"pk":{"S":"k`), value, utf8(`"},"by":{"S":"${marker}"}}}`));
    for (const endpoint of [local, server.endpoint]) {
      expect((await postJson(endpoint, 'PutItem', written(Uint8Array.from([0xef, 0xbf, 0xbd]), 'replacement character'))).status).toBe(200);
      expect((await postJson(endpoint, 'PutItem', written(Uint8Array.from([0xff]), 'invalid byte'))).status).toBe(500);
      const read = await postJson(endpoint, 'GetItem', JSON.stringify({ TableName: table, Key: { pk: { S: 'k\uFFFD' } }, ConsistentRead: true }));
      expect(read.body).toEqual({ Item: { pk: { S: 'k\uFFFD' }, by: { S: 'replacement character' } } });
    }
  });
});

/** SigV4 as `aws4` computes it for a host it cannot read a service from: the scope's service is empty. */
function signWithEmptyService(endpoint: string, target: string, body: string): Record<string, string> {
  const host = new URL(endpoint).host;
  const amzDate = '20260101T000000Z';
  const scope = `${amzDate.slice(0, 8)}/us-east-1//aws4_request`;
  const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();
  const headers = { 'content-type': 'application/x-amz-json-1.0', host, 'x-amz-date': amzDate, 'x-amz-target': target };
  const signed = Object.keys(headers).sort();
  const canonical = ['POST', '/', '', ...signed.map((name) => `${name}:${headers[name as keyof typeof headers]}\n`), signed.join(';'), hash(body)].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, hash(canonical)].join('\n');
  let key = hmac('AWS4secret', amzDate.slice(0, 8));
  for (const part of ['us-east-1', '', 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  return {
    'content-type': headers['content-type'],
    'x-amz-date': amzDate,
    'x-amz-target': target,
    authorization: `AWS4-HMAC-SHA256 Credential=aws4client/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}`,
  };
}

describe('targets', () => {
  it('answers unknown services and operations, JavaScript words among them, as DynamoDB Local does', async () => {
    const targets = ['constructor.ListTables', '__proto__.ListTables', 'toString.ListTables', 'DynamoDB_20120810.constructor', 'DynamoDB_20120810.__proto__', 'DynamoDBStreams_20120810.hasOwnProperty'];
    for (const target of [...targets, 'Nope_20120810.ListTables', 'DynamoDB_20120811.ListTables', 'DynamoDB_20120810', '.ListTables']) {
      const answers = await Promise.all(
        [local, server.endpoint].map(async (endpoint) => {
          const response = await fetch(endpoint, {
            method: 'POST',
            headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target, authorization: 'AWS4-HMAC-SHA256 Credential=targets/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' },
            body: '{}',
          });
          return errorOf({ status: response.status, body: (await response.json()) as unknown });
        }),
      );
      expect(answers[1], target).toEqual(answers[0]);
    }
  });
});

describe('signatures', () => {
  it('answers a credential scope with an empty service, as DynamoDB Local does', async () => {
    const body = JSON.stringify({ TableName: table });
    const answers = await Promise.all(
      [local, server.endpoint].map(async (endpoint) => {
        const response = await fetch(endpoint, { method: 'POST', headers: signWithEmptyService(endpoint, 'DynamoDB_20120810.DescribeTable', body), body });
        return { status: response.status, body: (await response.json()) as { __type?: string; Table?: { TableName?: string } } };
      }),
    );
    // The scope's access key is new to both sides, so each answers from an empty database.
    expect(answers.map((answer) => [answer.status, answer.body.__type?.slice(answer.body.__type.indexOf('#') + 1)])).toEqual([
      [400, 'ResourceNotFoundException'],
      [400, 'ResourceNotFoundException'],
    ]);
  });
});
