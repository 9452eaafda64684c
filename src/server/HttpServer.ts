// The DynamoDB JSON 1.0 protocol over node:http, in front of any dispatcher. Wire details
// (status codes, `__type` names, `Message` texts, headers) follow DynamoDB Local 3.x, which
// the differential suite checks against; CORS is answered for every origin so a page served
// elsewhere (the Tablesmith app itself) can call the endpoint.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { credentialScope, type CredentialScope } from './Credentials';

export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

export type Service = 'DynamoDB' | 'DynamoDBStreams';

export interface DispatchResult {
  status: number;
  body: unknown;
}

/** One isolated database: what a single access key + region sees. */
export interface EndpointEngine {
  dispatch(service: Service, operation: string, body: Record<string, unknown>): DispatchResult | Promise<DispatchResult>;
}

export interface HttpServerOptions {
  port?: number;
  host?: string;
  /** Creates the database for an access key + region the first time it is seen. */
  engineFor(scope: CredentialScope): EndpointEngine;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const SERVICE_PREFIXES: Record<string, Service> = {
  DynamoDB_20120810: 'DynamoDB',
  DynamoDBStreams_20120810: 'DynamoDBStreams',
};

const CONTENT_TYPE = 'application/x-amz-json-1.0';
const WIRE_NAMESPACE = 'com.amazonaws.dynamodb.v20120810#';

const MISSING_AUTHENTICATION = {
  status: 400,
  body: {
    __type: `${WIRE_NAMESPACE}MissingAuthenticationToken`,
    Message: 'Request must contain either a valid (registered) AWS access key ID or X.509 certificate.',
  },
};
const INTERNAL_FAILURE = {
  status: 500,
  body: {
    __type: `${WIRE_NAMESPACE}InternalFailure`,
    Message: 'The request processing has failed because of an unknown error, exception or failure.',
  },
};
const UNKNOWN_OPERATION = {
  status: 400,
  body: { __type: `${WIRE_NAMESPACE}UnknownOperationException`, Message: 'An unknown operation was requested.' },
};
// DynamoDB Local answers an oversized body with a bare 413 and an empty message.
const PAYLOAD_TOO_LARGE = { status: 413, body: { Message: '' } };

function corsHeaders(request: IncomingMessage): Record<string, string> {
  if (request.headers.origin === undefined) return {};
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'x-amzn-RequestId, x-amz-crc32, x-amz-id-2',
  };
}

function send(request: IncomingMessage, response: ServerResponse, status: number, body: unknown): void {
  const payload = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  const headers: Record<string, string | number> = {
    ...corsHeaders(request),
    'x-amzn-RequestId': randomUUID(),
    'Content-Type': CONTENT_TYPE,
    'Content-Length': payload.length,
  };
  // DynamoDB checksums successful bodies only; the SDK verifies the header when present.
  if (status === 200) headers['x-amz-crc32'] = crc32(payload);
  response.writeHead(status, headers);
  response.end(payload);
}

function sendPreflight(request: IncomingMessage, response: ServerResponse): void {
  const requested = request.headers['access-control-request-headers'];
  response.writeHead(200, {
    ...corsHeaders(request),
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
    'Access-Control-Allow-Headers':
      typeof requested === 'string' && requested !== ''
        ? requested
        : 'content-type, x-amz-target, x-amz-date, authorization, x-amz-security-token, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request',
    'Access-Control-Max-Age': '1728000',
    'x-amzn-RequestId': randomUUID(),
    'Content-Length': '0',
  });
  response.end();
}

/** Reads the whole body, or reports it too large after draining it so the client sees the 413. */
function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    request.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length <= MAX_REQUEST_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on('end', () => resolve(length > MAX_REQUEST_BYTES ? 'too-large' : Buffer.concat(chunks, length)));
    request.on('error', reject);
  });
}

function parseTarget(header: string | string[] | undefined): { service: Service; operation: string } | undefined {
  if (typeof header !== 'string') return undefined;
  const dot = header.indexOf('.');
  if (dot < 0) return undefined;
  const service = SERVICE_PREFIXES[header.slice(0, dot)];
  return service === undefined ? undefined : { service, operation: header.slice(dot + 1) };
}

async function answer(request: IncomingMessage, options: HttpServerOptions): Promise<DispatchResult> {
  const body = await readBody(request);
  if (body === 'too-large') return PAYLOAD_TOO_LARGE;
  const scope = credentialScope(request.headers, request.url ?? '/');
  if (request.headers.authorization === undefined && scope === undefined) return MISSING_AUTHENTICATION;
  if (scope === undefined || request.method !== 'POST') return INTERNAL_FAILURE;
  const target = request.headers['x-amz-target'];
  if (target === undefined) return INTERNAL_FAILURE;
  const parsedTarget = parseTarget(target);
  if (parsedTarget === undefined) return UNKNOWN_OPERATION;
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    return INTERNAL_FAILURE;
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return INTERNAL_FAILURE;
  const engine = options.engineFor(scope);
  return engine.dispatch(parsedTarget.service, parsedTarget.operation, input as Record<string, unknown>);
}

export function createHttpServer(options: HttpServerOptions): Server {
  return createServer({ keepAlive: true }, (request, response) => {
    if (request.method === 'OPTIONS' && request.headers.origin !== undefined) {
      request.resume();
      sendPreflight(request, response);
      return;
    }
    answer(request, options).then(
      (result) => send(request, response, result.status, result.body),
      (error: unknown) => {
        // An engine bug must not take the endpoint down; the client sees DynamoDB's 500.
        console.error('tablesmith serve: request failed', error);
        send(request, response, INTERNAL_FAILURE.status, INTERNAL_FAILURE.body);
      },
    );
  });
}

export async function listen(options: HttpServerOptions): Promise<RunningServer> {
  const server = createHttpServer(options);
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? 8000;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${requestedPort} on ${host} is already in use; choose another with --port`) : error);
    server.once('error', fail);
    server.listen(requestedPort, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
