// The DynamoDB JSON 1.0 protocol over node:http, in front of any dispatcher. Wire details
// (status codes, `__type` names, `Message` texts, headers) follow DynamoDB Local 3.x, which
// the differential suite checks against. The endpoint has no authentication, so it answers
// only what a local tool should reach: pages from allowed origins (the app served from
// loopback, plus `--cors` origins) and requests whose Host names this machine, so a web page
// cannot reach it by re-pointing its own DNS name at 127.0.0.1 (DNS rebinding).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { escapeControlKeepingLines } from '../cli/terminal';
import { credentialScope, type CredentialScope } from './Credentials';

export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

export type Service = 'DynamoDB' | 'DynamoDBStreams';

export interface DispatchResult {
  status: number;
  body: unknown;
}

/** One isolated database: what a single access key + region sees. */
export interface EndpointEngine {
  /** `raw` is the request body as received, for size accounting and journaling. */
  dispatch(service: Service, operation: string, body: Record<string, unknown>, raw?: Uint8Array): DispatchResult | Promise<DispatchResult>;
}

export interface HttpServerOptions {
  port?: number;
  host?: string;
  /**
   * Origins allowed besides pages served from loopback (`http(s)://localhost|127.0.0.1|[::1]`
   * on any port, where the app runs); `*` allows every origin.
   */
  cors?: readonly string[];
  /** Host names accepted besides loopback names, IP literals and the bound host. */
  allowedHosts?: readonly string[];
  /** Creates the database for an access key + region the first time it is seen. */
  engineFor(scope: CredentialScope): EndpointEngine;
  /** Where unexpected failures are reported (default: stderr). */
  log?: (line: string) => void;
}

export interface RunningServer {
  /** A URL clients on this machine can use. */
  url: string;
  /** The address really bound, as a URL (`http://0.0.0.0:8000` when bound to every interface). */
  boundUrl: string;
  /** True when the bound address is reachable from other machines. */
  beyondLoopback: boolean;
  port: number;
  /** The node:http server, e.g. to watch its connections. */
  server: Server;
  close(): Promise<void>;
}

const SERVICE_PREFIXES: Record<string, Service> = {
  DynamoDB_20120810: 'DynamoDB',
  DynamoDBStreams_20120810: 'DynamoDBStreams',
};

const CONTENT_TYPE = 'application/x-amz-json-1.0';
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
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
const INVALID_ACTION = {
  status: 400,
  body: { __type: `${WIRE_NAMESPACE}InvalidAction`, Message: 'The action or operation requested is invalid. Verify that the action is typed correctly.' },
};
// DynamoDB Local answers an oversized body with a bare 413 and an empty message.
const PAYLOAD_TOO_LARGE = { status: 413, body: { Message: '' } };

function accessDenied(message: string): DispatchResult {
  return { status: 403, body: { __type: `${WIRE_NAMESPACE}AccessDeniedException`, Message: message } };
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback: the addresses only this machine reaches. */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  return bare === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/i.test(bare) || bare === 'localhost';
}

/** Decides which origins and Host headers one server answers. */
export class RequestGuard {
  private readonly origins: Set<string>;
  private readonly anyOrigin: boolean;
  private readonly hosts: Set<string>;

  constructor(options: { cors?: readonly string[]; allowedHosts?: readonly string[]; boundHost: string }) {
    this.anyOrigin = options.cors?.includes('*') ?? false;
    this.origins = new Set((options.cors ?? []).filter((origin) => origin !== '*').map(normalOrigin));
    this.hosts = new Set([...(options.allowedHosts ?? []), options.boundHost].map((host) => host.toLowerCase()));
  }

  originAllowed(origin: string): boolean {
    if (this.anyOrigin || this.origins.has(normalOrigin(origin))) return true;
    try {
      const url = new URL(origin);
      return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_NAMES.has(url.hostname);
    } catch {
      return false;
    }
  }

  /**
   * A rebinding attack needs a DNS name the attacker controls, so IP literals are safe; names
   * are accepted only when they are loopback names or were named when starting the server.
   */
  hostAllowed(host: string | undefined): boolean {
    if (host === undefined) return true;
    const name = host.replace(/:\d+$/, '').toLowerCase();
    if (isIP(name.replace(/^\[|\]$/g, '')) !== 0) return true;
    return name === 'localhost' || name.endsWith('.localhost') || this.hosts.has(name);
  }
}

function normalOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}

function corsHeaders(request: IncomingMessage): Record<string, string> {
  if (request.headers.origin === undefined) return {};
  return {
    'Access-Control-Allow-Origin': request.headers.origin,
    Vary: 'Origin',
    'Access-Control-Expose-Headers': 'x-amzn-RequestId, x-amz-crc32, x-amz-id-2',
  };
}

function send(request: IncomingMessage, response: ServerResponse, status: number, body: unknown, cors: boolean): void {
  const payload = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  const headers: Record<string, string | number> = {
    ...(cors ? corsHeaders(request) : {}),
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

/** Why a body was not read: too large (answered with 413) or the client went away (not answered). */
type Unread = 'too-large' | 'aborted';

/**
 * Reads the whole body, stopping as soon as it is known to exceed the limit: from
 * Content-Length before reading anything, or from the bytes received so far.
 */
function readBody(request: IncomingMessage): Promise<Buffer | Unread> {
  const declared = Number(request.headers['content-length']);
  if (declared > MAX_REQUEST_BYTES) return Promise.resolve('too-large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > MAX_REQUEST_BYTES) {
        request.off('data', onData);
        request.pause();
        chunks.length = 0;
        resolve('too-large');
      } else chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks, length)));
    // A client that disconnects mid-body is routine (a killed script, a cancelled fetch).
    request.on('error', () => resolve('aborted'));
    request.on('close', () => {
      if (!request.complete) resolve('aborted');
    });
  });
}

/**
 * The service and operation an X-Amz-Target names. As in DynamoDB Local, a target without an
 * operation is an internal failure and an unknown service an invalid action; an unknown
 * operation of a known service is for the service to refuse.
 */
function parseTarget(header: string | string[]): { service: Service; operation: string } | DispatchResult {
  const dot = typeof header === 'string' ? header.indexOf('.') : -1;
  if (dot < 0) return INTERNAL_FAILURE;
  const prefix = (header as string).slice(0, dot);
  if (!Object.hasOwn(SERVICE_PREFIXES, prefix)) return INVALID_ACTION;
  return { service: SERVICE_PREFIXES[prefix] as Service, operation: (header as string).slice(dot + 1) };
}

async function answer(request: IncomingMessage, options: HttpServerOptions): Promise<DispatchResult | Unread> {
  const body = await readBody(request);
  if (body === 'too-large' || body === 'aborted') return body;
  const scope = credentialScope(request.headers, request.url ?? '/');
  if (request.headers.authorization === undefined && scope === undefined) return MISSING_AUTHENTICATION;
  if (scope === undefined || request.method !== 'POST') return INTERNAL_FAILURE;
  const target = request.headers['x-amz-target'];
  if (target === undefined) return INTERNAL_FAILURE;
  const parsedTarget = parseTarget(target);
  if ('status' in parsedTarget) return parsedTarget;
  let input: unknown;
  try {
    // Bytes that are not UTF-8 are refused, as DynamoDB Local refuses them, rather than
    // replaced with U+FFFD: two different keys must never decode to the same one.
    input = JSON.parse(UTF8.decode(body));
  } catch {
    return INTERNAL_FAILURE;
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return INTERNAL_FAILURE;
  const engine = options.engineFor(scope);
  return engine.dispatch(parsedTarget.service, parsedTarget.operation, input as Record<string, unknown>, body);
}

/** Answers 413 and closes the connection, so the rest of an oversized body is never read. */
function refuseTooLarge(request: IncomingMessage, response: ServerResponse): void {
  response.shouldKeepAlive = false;
  response.once('finish', () => request.socket.destroySoon());
  send(request, response, PAYLOAD_TOO_LARGE.status, PAYLOAD_TOO_LARGE.body, true);
}

export function createHttpServer(options: HttpServerOptions, guard: RequestGuard): Server {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  return createServer({ keepAlive: true }, (request, response) => {
    if (!guard.hostAllowed(request.headers.host)) {
      request.resume();
      const denied = accessDenied(
        `Host ${JSON.stringify(request.headers.host)} is not this machine's; start tablesmith serve with --allow-host to accept it.`,
      );
      send(request, response, denied.status, denied.body, false);
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !guard.originAllowed(origin)) {
      request.resume();
      const denied = accessDenied(`Origin ${JSON.stringify(origin)} is not allowed; start tablesmith serve with --cors ${origin} to allow it.`);
      send(request, response, denied.status, denied.body, false);
      return;
    }
    if (request.method === 'OPTIONS' && origin !== undefined) {
      request.resume();
      sendPreflight(request, response);
      return;
    }
    answer(request, options).then(
      (result) => {
        if (result === 'aborted') return;
        if (result === 'too-large') refuseTooLarge(request, response);
        else send(request, response, result.status, result.body, true);
      },
      (error: unknown) => {
        // An engine bug must not take the endpoint down; the client sees DynamoDB's 500.
        log(`tablesmith serve: request failed: ${escapeControlKeepingLines(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
        if (!response.headersSent && !response.destroyed) send(request, response, INTERNAL_FAILURE.status, INTERNAL_FAILURE.body, true);
      },
    );
  });
}

function urlOf(address: string, port: number): string {
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

export async function listen(options: HttpServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const guard = new RequestGuard({ cors: options.cors, allowedHosts: options.allowedHosts, boundHost: host });
  const server = createHttpServer(options, guard);
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
  const { address, port } = server.address() as AddressInfo;
  const wildcard = address === '0.0.0.0' || address === '::';
  return {
    url: urlOf(wildcard ? '127.0.0.1' : address, port),
    boundUrl: urlOf(address, port),
    beyondLoopback: !isLoopbackAddress(address),
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
