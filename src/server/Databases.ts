// One engine per access key + region, as DynamoDB Local keeps one database file per pair by
// default: tables made with one credential are invisible to another. Each engine answers
// both services of the endpoint: DynamoDB through `engine.dispatch`, DynamoDB Streams
// through the streams actions on the same engine context.
import { createEngine, type Engine } from '../engine';
import { errorResult } from '../engine/Engine';
import { DynamoDBError } from '../engine/errors';
import { streamsActions } from '../engine/streams';
import { startTimeToLiveSweeper } from '../engine/TimeToLiveSweep';
import type { CredentialScope } from './Credentials';
import type { DispatchResult, EndpointEngine, Service } from './HttpServer';

function dispatchStreams(engine: Engine, operation: string, body: Record<string, unknown>): DispatchResult {
  if (!Object.hasOwn(streamsActions, operation)) {
    return errorResult(new DynamoDBError('UnknownOperationException', 'An unknown operation was requested.'));
  }
  try {
    const run = streamsActions[operation as keyof typeof streamsActions] as (context: Engine['context'], input: unknown) => object;
    return { status: 200, body: run(engine.context, body) as Record<string, unknown> };
  } catch (error) {
    return errorResult(error);
  }
}

export interface Databases {
  engineFor(scope: CredentialScope): EndpointEngine & { engine: Engine };
  /** Stops the TTL sweepers. */
  close(): void;
}

export interface DatabaseOptions {
  /** Runs once for each new database, e.g. to create a model's table and seed its items. */
  seed?: (engine: Engine) => void;
  /** How often the TTL sweep runs, in milliseconds of wall time. */
  ttlSweepIntervalMs?: number;
}

export function createDatabases(options: DatabaseOptions = {}): Databases {
  const engines = new Map<string, EndpointEngine & { engine: Engine }>();
  const sweepers: (() => void)[] = [];
  return {
    engineFor(scope) {
      const id = `${scope.accessKeyId}\u0000${scope.region}`;
      let entry = engines.get(id);
      if (!entry) {
        const engine = createEngine({ region: scope.region });
        options.seed?.(engine);
        sweepers.push(startTimeToLiveSweeper(engine.context, options.ttlSweepIntervalMs));
        entry = {
          engine,
          dispatch: (service: Service, operation, body) =>
            service === 'DynamoDB' ? engine.dispatch(operation, body) : dispatchStreams(engine, operation, body),
        };
        engines.set(id, entry);
      }
      return entry;
    },
    close() {
      for (const stop of sweepers) stop();
    },
  };
}
