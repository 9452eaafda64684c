// The engine: one typed method per registered action, `dispatch` for the JSON 1.0
// protocol, and a change feed for streams.
import { actions } from './actions';
import { createContext, type ChangeListener, type EngineContext, type EngineOptions } from './EngineContext';
import { DynamoDBError, ERROR_NAMESPACE } from './errors';

type Actions = typeof actions;
export type ActionName = keyof Actions;
export type ActionInput<K extends ActionName> = Parameters<Actions[K]>[1];
export type ActionOutput<K extends ActionName> = ReturnType<Actions[K]>;

export interface DispatchResult {
  status: number;
  body: Record<string, unknown>;
}

export type Engine = { [K in ActionName]: (input: ActionInput<K>) => ActionOutput<K> } & {
  /** Runs an action named as in X-Amz-Target on a parsed JSON body, answering as DynamoDB would. */
  dispatch(operation: string, body: unknown): DispatchResult;
  /** Subscribes to every item write; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void;
  readonly context: EngineContext;
};

function isAction(name: string): name is ActionName {
  return Object.hasOwn(actions, name);
}

/**
 * An engine fault answers as DynamoDB's own do, with its generic words: JavaScript's error
 * text describes the engine, not the request, and is no part of the protocol.
 */
export function errorResult(error: unknown): DispatchResult {
  if (error instanceof DynamoDBError) return { status: error.status, body: error.toWire() };
  return { status: 500, body: { __type: ERROR_NAMESPACE + 'InternalServerError', message: 'Internal server error' } };
}

export function createEngine(options: EngineOptions = {}): Engine {
  const context = createContext(options);
  const engine = {
    context,
    dispatch(operation: string, body: unknown): DispatchResult {
      if (!isAction(operation)) {
        return errorResult(new DynamoDBError('UnknownOperationException', 'An unknown operation was requested.'));
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        return errorResult(new DynamoDBError('SerializationException', 'Start of structure or map found where not expected.'));
      }
      try {
        const run = actions[operation] as (context: EngineContext, input: unknown) => object;
        return { status: 200, body: run(context, body) as Record<string, unknown> };
      } catch (error) {
        return errorResult(error);
      }
    },
    onChange(listener: ChangeListener): () => void {
      context.listeners.add(listener);
      return () => context.listeners.delete(listener);
    },
  } as Engine;
  for (const name of Object.keys(actions) as ActionName[]) {
    const run = actions[name] as (context: EngineContext, input: unknown) => unknown;
    (engine as unknown as Record<string, unknown>)[name] = (input: unknown) => run(context, input);
  }
  return engine;
}
