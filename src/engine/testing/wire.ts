// Differential testing below the SDK: the same JSON text goes to DynamoDB Local and to the
// engine, and the answers are compared as JSON with arrays in the order sent. The SDK cannot
// carry these cases: it turns an attribute named `__proto__` into nothing on the way back,
// and compares nothing about the order of set members.
import { expect, inject } from 'vitest';
import { createEngine, type Engine } from '../index';

const AUTHORIZATION = 'AWS4-HMAC-SHA256 Credential=wire/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0';

export interface WireAnswer {
  status: number;
  body: unknown;
}

export async function postJson(endpoint: string, operation: string, body: string | Uint8Array<ArrayBuffer>, authorization = AUTHORIZATION): Promise<WireAnswer> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${operation}`, authorization },
    body,
  });
  return { status: response.status, body: JSON.parse(await response.text()) as unknown };
}

/**
 * Errors differ only in spelling between Local's wire (`Message`, Coral namespaces) and the
 * engine's: both are reduced to the exception name and the text.
 */
function comparable(answer: WireAnswer): unknown {
  const body = answer.body as Record<string, unknown>;
  if (typeof body.__type !== 'string') return { status: answer.status, body: sortedKeys(body) };
  return { status: answer.status, error: body.__type.slice(body.__type.indexOf('#') + 1), message: body.Message ?? body.message };
}

/** Object keys sorted (DynamoDB has no attribute order), arrays kept as they are. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.keys(value)
    .sort()
    .map((key): [string, unknown] => [key, sortedKeys((value as Record<string, unknown>)[key])]);
  // Own `__proto__` members survive only through defineProperty-style creation.
  const out: Record<string, unknown> = {};
  for (const [key, element] of entries) Object.defineProperty(out, key, { value: element, enumerable: true, writable: true, configurable: true });
  return out;
}

export interface WireOracle {
  /** A table name unique to this run. */
  table(label: string): string;
  /** Sends the JSON text to both sides, expects the same answer and returns the engine's body. */
  same(operation: string, body: string): Promise<unknown>;
  /** Sends the JSON text to both sides, expects both to succeed and compares nothing else. */
  send(operation: string, body: string): Promise<void>;
}

/**
 * With TABLESMITH_DIFF_OVER_HTTP=1 the engine side is the endpoint server (its JSON text over
 * loopback); otherwise the text is parsed as the server parses it and dispatched in-process.
 */
export function wireOracle(label: string): WireOracle {
  const local = inject('dynamodbLocalEndpoint');
  const http: unknown = (inject as (key: string) => unknown)('engineHttpEndpoint');
  const engine: Engine = createEngine();
  const run = `w${label}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  let counter = 0;
  const engineAnswer = async (operation: string, body: string): Promise<WireAnswer> => {
    if (typeof http === 'string' && http !== '') return postJson(http, operation, body);
    const result = engine.dispatch(operation, JSON.parse(body));
    return { status: result.status, body: JSON.parse(JSON.stringify(result.body)) as unknown };
  };
  return {
    table: (name) => `${run}-${name}-${++counter}`,
    async same(operation, body) {
      const [fromLocal, fromEngine] = await Promise.all([postJson(local, operation, body), engineAnswer(operation, body)]);
      expect(JSON.stringify(comparable(fromEngine)), `${operation} ${body.slice(0, 300)}`).toBe(JSON.stringify(comparable(fromLocal)));
      return fromEngine.body;
    },
    async send(operation, body) {
      const answers = await Promise.all([postJson(local, operation, body), engineAnswer(operation, body)]);
      expect(answers.map((answer) => answer.status), `${operation} ${body.slice(0, 300)}`).toEqual([200, 200]);
    },
  };
}
