// A smithy HttpHandler that answers @aws-sdk/client-dynamodb requests from an engine in the
// same process, so the app uses one client for the engine and for real endpoints.
import { HttpResponse, type HttpHandler, type HttpRequest } from '@smithy/protocol-http';
import type { Engine } from './Engine';
import { DynamoDBError } from './errors';
import { errorResult } from './Engine';
import { responseBody } from './ResponseBody';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function readBody(body: unknown): Promise<string> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return decoder.decode(body);
  if (body instanceof ArrayBuffer) return decoder.decode(new Uint8Array(body));
  if (typeof Blob !== 'undefined' && body instanceof Blob) return body.text();
  if (typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    const chunks: Uint8Array[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    let length = 0;
    for (const chunk of chunks) length += chunk.length;
    const all = new Uint8Array(length);
    let offset = 0;
    for (const chunk of chunks) {
      all.set(chunk, offset);
      offset += chunk.length;
    }
    return decoder.decode(all);
  }
  throw new TypeError('Unsupported request body type');
}

let requestCounter = 0;

// The SDK's stream collector accepts a Uint8Array as the body in Node and in browsers.
function respond(status: number, payload: Record<string, unknown>): { response: HttpResponse } {
  const body = responseBody(payload);
  return {
    response: new HttpResponse({
      statusCode: status,
      reason: status === 200 ? 'OK' : 'Bad Request',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'content-length': String(body.length),
        'x-amzn-requestid': `tablesmith-${++requestCounter}`,
      },
      body,
    }),
  };
}

export function engineHandler(engine: Engine): HttpHandler {
  return {
    async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
      const target = request.headers['x-amz-target'] ?? request.headers['X-Amz-Target'] ?? '';
      const operation = target.slice(target.indexOf('.') + 1);
      let parsed: unknown;
      try {
        const text = await readBody(request.body);
        parsed = text === '' ? {} : JSON.parse(text);
      } catch {
        const { status, body } = errorResult(new DynamoDBError('SerializationException', 'Could not parse the request body as JSON.'));
        return respond(status, body);
      }
      const { status, body } = engine.dispatch(operation, parsed);
      return respond(status, body);
    },
    updateHttpClientConfig(): void {},
    httpHandlerConfigs() {
      return {};
    },
  } as HttpHandler;
}
