import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { listen, MAX_REQUEST_BYTES, type RunningServer, type Service } from './HttpServer';
import type { CredentialScope } from './Credentials';

const AUTH = (key: string, region = 'us-east-1') =>
  `AWS4-HMAC-SHA256 Credential=${key}/20200101/${region}/dynamodb/aws4_request, SignedHeaders=host, Signature=0`;

// The dispatcher records what reached it, so each test can tell what the HTTP layer let through.
const calls: { scope: CredentialScope; service: Service; operation: string; body: unknown }[] = [];
let server: RunningServer;

beforeAll(async () => {
  server = await listen({
    port: 0,
    engineFor: (scope) => ({
      dispatch: async (service, operation, body) => {
        calls.push({ scope, service, operation, body });
        // Yield so concurrent requests genuinely interleave.
        await new Promise((resolve) => setTimeout(resolve, 1));
        return { status: 200, body: { echo: operation, n: (body as { n?: number }).n } };
      },
    }),
  });
});
afterAll(() => server.close());

function post(target: string, body: string, headers: Record<string, string> = {}) {
  return fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target, authorization: AUTH('k1'), ...headers },
    body,
  });
}

describe('HttpServer', () => {
  it('dispatches DynamoDB and Streams targets with the request scope and a checksum', async () => {
    const response = await post('DynamoDB_20120810.ListTables', '{"n":1}', { authorization: AUTH('alice', 'eu-west-1') });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ echo: 'ListTables', n: 1 });
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(response.headers.get('x-amz-crc32')).toBe(String(crc32(Buffer.from(text))));
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls.at(-1)).toMatchObject({ scope: { accessKeyId: 'alice', region: 'eu-west-1' }, service: 'DynamoDB' });

    await post('DynamoDBStreams_20120810.ListStreams', '{}');
    expect(calls.at(-1)).toMatchObject({ service: 'DynamoDBStreams', operation: 'ListStreams' });
  });

  it('takes the scope from a presigned query string', async () => {
    const credential = encodeURIComponent('bob/20200101/ap-south-1/dynamodb/aws4_request');
    const response = await fetch(`${server.url}/?X-Amz-Credential=${credential}`, {
      method: 'POST',
      headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(calls.at(-1)?.scope).toEqual({ accessKeyId: 'bob', region: 'ap-south-1' });
  });

  it('answers protocol errors as DynamoDB Local does', async () => {
    const noAuth = await fetch(server.url, { method: 'POST', headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables' }, body: '{}' });
    expect(noAuth.status).toBe(400);
    expect(await noAuth.json()).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#MissingAuthenticationToken',
      Message: 'Request must contain either a valid (registered) AWS access key ID or X.509 certificate.',
    });
    const unknown = await post('Nope_20120810.ListTables', '{}');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { __type: string }).__type).toBe('com.amazonaws.dynamodb.v20120810#UnknownOperationException');
    for (const body of ['{x', '[]', '']) {
      const bad = await post('DynamoDB_20120810.ListTables', body);
      expect(bad.status).toBe(500);
      expect(((await bad.json()) as { __type: string }).__type).toBe('com.amazonaws.dynamodb.v20120810#InternalFailure');
    }
  });

  it('rejects a body over 16 MB with 413 and accepts one at the limit', async () => {
    const before = calls.length;
    const over = await post('DynamoDB_20120810.PutItem', `{"n":"${'x'.repeat(MAX_REQUEST_BYTES)}"}`);
    expect(over.status).toBe(413);
    expect(await over.json()).toEqual({ Message: '' });
    expect(calls.length).toBe(before);
    const padding = MAX_REQUEST_BYTES - '{"n":1,"p":""}'.length;
    const at = await post('DynamoDB_20120810.PutItem', `{"n":1,"p":"${'x'.repeat(padding)}"}`);
    expect(at.status).toBe(200);
  });

  it('answers CORS preflight and exposes the protocol headers to pages on other origins', async () => {
    const preflight = await fetch(server.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://app.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-amz-target,authorization,x-amz-date',
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type,x-amz-target,authorization,x-amz-date');
    const actual = await post('DynamoDB_20120810.ListTables', '{}', { origin: 'http://app.example' });
    expect(actual.headers.get('access-control-allow-origin')).toBe('*');
    expect(actual.headers.get('access-control-expose-headers')).toContain('x-amz-crc32');
  });

  it('says which port is taken when it cannot listen', async () => {
    await expect(listen({ port: server.port, engineFor: () => ({ dispatch: () => ({ status: 200, body: {} }) }) })).rejects.toThrow(
      `port ${server.port} on 127.0.0.1 is already in use; choose another with --port`,
    );
  });

  it('answers many concurrent clients, each with its own response', async () => {
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, n) => post('DynamoDB_20120810.GetItem', JSON.stringify({ n })).then((r) => r.json())),
    );
    expect(responses).toEqual(Array.from({ length: 200 }, (_, n) => ({ echo: 'GetItem', n })));
  });
});
