// Where the Connect tab sends requests: a DynamoDB endpoint the user names (DynamoDB Local,
// `tablesmith serve`, or AWS itself). The settings live only in the page's memory, never
// in the model file or a share link, because they carry a secret.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface ConnectionSettings {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** DynamoDB Local and `tablesmith serve` accept any key; they keep tables apart per key and region. */
export const DEFAULT_SETTINGS: ConnectionSettings = {
  endpoint: 'http://localhost:8000',
  region: 'us-east-1',
  accessKeyId: 'tablesmith',
  secretAccessKey: 'tablesmith',
};

/** The part of a client the connect functions use, so tests can stand between them and it. */
export type Sender = Pick<DynamoDBClient, 'send'>;

/** A problem with the settings themselves, found before any request is sent. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** The endpoint as a URL, or a SettingsError saying what is wrong with what was typed. */
export function parseEndpoint(text: string): URL {
  const trimmed = text.trim();
  if (trimmed === '') throw new SettingsError('Enter the endpoint URL, e.g. http://localhost:8000.');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new SettingsError(`"${trimmed}" is not a URL; enter one like http://localhost:8000.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SettingsError(`The endpoint URL must start with http:// or https://, not ${url.protocol}//.`);
  }
  return url;
}

export function endpointClient(settings: ConnectionSettings): DynamoDBClient {
  const url = parseEndpoint(settings.endpoint);
  if (settings.region.trim() === '') throw new SettingsError('Enter a region, e.g. us-east-1.');
  if (settings.accessKeyId.trim() === '' || settings.secretAccessKey === '') {
    throw new SettingsError('Enter an access key ID and secret; DynamoDB Local accepts any.');
  }
  return new DynamoDBClient({
    endpoint: url.href.replace(/\/$/, ''),
    region: settings.region.trim(),
    credentials: { accessKeyId: settings.accessKeyId.trim(), secretAccessKey: settings.secretAccessKey },
    // A connection that is refused stays refused: one retry is enough to ride out a hiccup
    // without keeping the user waiting on a stopped endpoint.
    maxAttempts: 2,
  });
}

/** How every failure to get any answer from the endpoint starts (see corsHelp.ts). */
export const UNREACHABLE = 'Could not reach ';

/**
 * A sentence for the user. DynamoDB's own errors carry `$fault`; anything else means the
 * request never got a DynamoDB answer (endpoint down, wrong port, CORS refused).
 */
export function describeFailure(error: unknown, endpoint: string): string {
  if (error instanceof SettingsError) return error.message;
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  if (typeof error === 'object' && error !== null && '$fault' in error) return `${name}: ${message}`;
  return `${UNREACHABLE}${endpoint.trim()} (${message}). Check that the endpoint is running and the URL is right.`;
}

/** Whether `error` is DynamoDB's exception called `name`. */
export function isDynamoDBError(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name && '$fault' in error;
}
