// The in-browser DynamoDB engine: `createEngine()` for direct calls and `dispatch`,
// `engineHandler(engine)` to put it behind @aws-sdk/client-dynamodb.
export { createEngine, type Engine, type ActionName, type ActionInput, type ActionOutput, type DispatchResult } from './Engine';
export { engineHandler } from './EngineHandler';
export type { EngineOptions, ItemChange, ChangeListener } from './EngineContext';
export { DynamoDBError, type DynamoDBErrorName } from './errors';
export { subscribeToStreams, type TableStreamRecord } from './streams';
export { sweepExpiredItems } from './TimeToLiveSweep';
export { partiqlWrittenKey } from './partiql/WrittenKey';
export { keyAttributeNames, type KeyAttribute, type KeySchema, type MultiAttributeKey } from './KeySchema';
// Key-schema rules for designs: the model checks its tables and indexes with the engine's words.
export { parseKeySchema, type KeySchemaOwner } from './TableSchema';
export { hashAttributes, rangeAttributes, MAX_KEY_ATTRIBUTES } from './MultiAttributeKey';
