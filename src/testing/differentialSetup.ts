// Vitest globalSetup for the differential project: one DynamoDB Local for the whole run.
// Tests read its endpoint with `inject('dynamodbLocalEndpoint')` and isolate themselves by
// table name.
import type { TestProject } from 'vitest/node';
import { startDynamoDBLocal } from './dynamodbLocal';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbLocalEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const local = await startDynamoDBLocal();
  project.provide('dynamodbLocalEndpoint', local.endpoint);
  return () => local.stop();
}
