// Vitest globalSetup for the differential project: one DynamoDB Local for the whole run.
// Tests read its endpoint with `inject('dynamodbLocalEndpoint')` and isolate themselves by
// table name. With TABLESMITH_DIFF_OVER_HTTP=1 the engine side is `tablesmith serve`'s
// HTTP endpoint instead of the in-process handler (`inject('engineHttpEndpoint')`), so the
// same suite also proves the server.
import type { TestProject } from 'vitest/node';
import { startDynamoDBLocal } from './dynamodbLocal';
import { startTestServer } from '../server/testing/TestServer';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbLocalEndpoint: string;
    engineHttpEndpoint: string | undefined;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const local = await startDynamoDBLocal();
  project.provide('dynamodbLocalEndpoint', local.endpoint);
  const server = process.env.TABLESMITH_DIFF_OVER_HTTP === '1' ? await startTestServer() : undefined;
  project.provide('engineHttpEndpoint', server?.endpoint);
  return async () => {
    await server?.close();
    await local.stop();
  };
}
