// The design model's public surface: the contract types, reading and checking a design,
// key templates, sample data, previews, built-in examples and editing commands.
export * from './types';
export * from './keyTemplate';
export { designModelSchema, validateModelShape } from './schema';
export { parseModel, type ParseResult } from './parse';
export { migrateModel, type DesignV0, type Migrated } from './migrate';
export { validateModel, pointer, LIMITS } from './validate';
export { defaultGenerator } from './defaultGenerator';
export { generateSampleItems, SampleCache, type SampleItem } from './sampleData';
export * from './preview';
export { toCreateTableInput } from './createTableInput';
export { examples, defaultModel, type Example } from './examples';
export * as commands from './commands';
