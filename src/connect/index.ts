// The optional connection to a real DynamoDB endpoint: deploy the design's table, seed its
// sample items, and compare answers with the in-browser engine's.
export { DEFAULT_SETTINGS, SettingsError, UNREACHABLE, describeFailure, endpointClient, isDynamoDBError, parseEndpoint } from './endpoint';
export { corsStartCommands, endpointAnswers } from './corsHelp';
export type { StartCommand } from './corsHelp';
export type { ConnectionSettings, Sender } from './endpoint';
export { deployTable, replaceTable, tableStatus } from './deploy';
export type { DeployResult, WaitOptions } from './deploy';
export { seedBatches, seedSampleItems } from './seed';
export type { SeedOptions } from './seed';
export { jsonDifferences } from './diff';
export type { Difference } from './diff';
