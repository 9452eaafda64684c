import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest, type ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import { crc32 } from 'node:zlib';
import { listen, MAX_REQUEST_BYTES, RequestGuard, type HttpServerOptions, type RunningServer, type Service } from './HttpServer';
import type { CredentialScope } from './Credentials';

const AUTH = (key: string, region = 'us-east-1') =>
  `AWS4-HMAC-SHA256 Credential=${key}/20200101/${region}/dynamodb/aws4_request, SignedHeaders=host, Signature=0`;

// The dispatcher records what reached it, so each test can tell what the HTTP layer let through.
const calls: { scope: CredentialScope; service: Service; operation: string; body: unknown }[] = [];
const logged: string[] = [];
let server: RunningServer;
// Started as `serve --cors https://app.example --allow-host dynamodb` would start it.
let guarded: RunningServer;

const recording: HttpServerOptions = {
  port: 0,
  log: (line) => logged.push(line),
  engineFor: (scope) => ({
    dispatch: async (service, operation, body) => {
      calls.push({ scope, service, operation, body });
      // Yield so concurrent requests genuinely interleave.
      await new Promise((resolve) => setTimeout(resolve, 1));
      return { status: 200, body: { echo: operation, n: (body as { n?: number }).n } };
    },
  }),
};

beforeAll(async () => {
  server = await listen(recording);
  guarded = await listen({ ...recording, cors: ['https://app.example'], allowedHosts: ['dynamodb'] });
});
afterAll(() => Promise.all([server.close(), guarded.close()]));

function post(target: string, body: string, headers: Record<string, string> = {}, url = server.url) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target, authorization: AUTH('k1'), ...headers },
    body,
  });
}

/** A request written by hand (fetch cannot set Host, nor leave a body open). */
function rawRequest(
  headers: Record<string, string>,
  writeBody: (request: ClientRequest) => void,
  port = server.port,
): Promise<{ status: number | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { port, method: 'POST', headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables', authorization: AUTH('k1'), ...headers } },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => {
          request.destroy();
          resolve({ status: response.statusCode, body });
        });
      },
    );
    request.on('error', reject);
    request.flushHeaders();
    writeBody(request);
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
    expect(((await unknown.json()) as { __type: string }).__type).toBe('com.amazonaws.dynamodb.v20120810#InvalidAction');
    for (const body of ['{x', '[]', '']) {
      const bad = await post('DynamoDB_20120810.ListTables', body);
      expect(bad.status).toBe(500);
      expect(((await bad.json()) as { __type: string }).__type).toBe('com.amazonaws.dynamodb.v20120810#InternalFailure');
    }
  });

  it('rejects a body over 16 MB with 413 and accepts one at the limit', async () => {
    const before = calls.length;
    const over = await post('DynamoDB_20120810.PutItem', `{"n":"${'x'.repeat(MAX_REQUEST_BYTES)}"}`).catch((error: Error) => error);
    // The server may close before the client finished sending; either way nothing was dispatched.
    if (!(over instanceof Error)) {
      expect(over.status).toBe(413);
      expect(await over.json()).toEqual({ Message: '' });
    }
    expect(calls.length).toBe(before);
    const padding = MAX_REQUEST_BYTES - '{"n":1,"p":""}'.length;
    const at = await post('DynamoDB_20120810.PutItem', `{"n":1,"p":"${'x'.repeat(padding)}"}`);
    expect(at.status).toBe(200);
  });

  it('refuses an oversized body from its Content-Length before any of it is sent', async () => {
    const { status, body } = await rawRequest({ 'content-length': String(MAX_REQUEST_BYTES + 1) }, () => {});
    expect(status).toBe(413);
    expect(JSON.parse(body)).toEqual({ Message: '' });
  });

  it('refuses a chunked body as soon as it passes 16 MB, without waiting for its end', async () => {
    const before = calls.length;
    const { status } = await rawRequest({ 'transfer-encoding': 'chunked' }, (request) => {
      // More than the limit, then the body stays open: only an early answer ends this request.
      for (let sent = 0; sent <= MAX_REQUEST_BYTES; sent += 1024 * 1024) request.write(Buffer.alloc(1024 * 1024, 120));
    });
    expect(status).toBe(413);
    expect(calls.length).toBe(before);
  });

  it('allows pages served from loopback and --cors origins, with preflight', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:4183', 'https://[::1]:8443', 'https://app.example']) {
      const preflight = await fetch(guarded.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-amz-target,authorization,x-amz-date',
        },
      });
      expect(preflight.status, origin).toBe(200);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type,x-amz-target,authorization,x-amz-date');
      const actual = await post('DynamoDB_20120810.ListTables', '{}', { origin }, guarded.url);
      expect(actual.status).toBe(200);
      expect(actual.headers.get('access-control-allow-origin')).toBe(origin);
      expect(actual.headers.get('access-control-expose-headers')).toContain('x-amz-crc32');
    }
  });

  it('refuses other origins, preflight and request alike, without dispatching', async () => {
    const before = calls.length;
    for (const [url, origin] of [
      [server.url, 'https://app.example'],
      [guarded.url, 'http://evil.example'],
      [guarded.url, 'http://localhost.evil.example:5173'],
      [guarded.url, 'null'],
    ] as const) {
      const preflight = await fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect(preflight.status, origin).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const actual = await post('DynamoDB_20120810.ListTables', '{}', { origin }, url);
      expect(actual.status).toBe(403);
      expect(actual.headers.get('access-control-allow-origin')).toBeNull();
      expect(((await actual.json()) as { Message: string }).Message).toContain(`--cors ${origin}`);
    }
    expect(calls.length).toBe(before);
  });

  it('refuses a Host header naming another machine (DNS rebinding), and accepts loopback, IP literals and --allow-host', async () => {
    const before = calls.length;
    for (const host of ['attacker.example', `attacker.example:${guarded.port}`, '127.0.0.1.nip.io', 'dynamodb.attacker.example']) {
      const { status, body } = await rawRequest({ host, 'content-length': '2' }, (request) => request.end('{}'), guarded.port);
      expect(status, host).toBe(403);
      expect(JSON.parse(body).Message).toContain('--allow-host');
    }
    expect(calls.length).toBe(before);
    for (const host of ['localhost', `localhost:${guarded.port}`, 'db.localhost', '127.0.0.1', '[::1]:8000', '192.168.1.20', 'dynamodb:8000']) {
      const { status } = await rawRequest({ host, 'content-length': '2' }, (request) => request.end('{}'), guarded.port);
      expect(status, host).toBe(200);
    }
  });

  it('takes --cors * as every origin, and the host it was bound to by name', () => {
    const open = new RequestGuard({ cors: ['*'], boundHost: 'devbox' });
    expect(open.originAllowed('https://anything.example')).toBe(true);
    expect(open.hostAllowed('devbox:8000')).toBe(true);
    expect(open.hostAllowed('DEVBOX')).toBe(true);
    expect(open.hostAllowed('other-box')).toBe(false);
    const closed = new RequestGuard({ boundHost: '127.0.0.1' });
    expect(closed.originAllowed('https://anything.example')).toBe(false);
    expect(closed.originAllowed('http://localhost')).toBe(true);
    expect(closed.originAllowed('ftp://localhost')).toBe(false);
  });

  it('does not report a client that disconnects mid-body', async () => {
    const before = calls.length;
    const closedOnServer = new Promise<void>((resolve) =>
      server.server.once('connection', (socket: Socket) => socket.once('close', () => setImmediate(resolve))),
    );
    await new Promise<void>((resolve) => {
      const request = httpRequest({
        port: server.port,
        method: 'POST',
        headers: { 'content-length': '1000', 'x-amz-target': 'DynamoDB_20120810.ListTables', authorization: AUTH('k1') },
      });
      request.on('error', () => resolve());
      request.on('close', () => resolve());
      request.write('{"n":', () => request.destroy());
    });
    await closedOnServer;
    expect(logged).toEqual([]);
    expect(calls.length).toBe(before);
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
