import { describe, expect, it } from 'vitest';
import { corsStartCommands, endpointAnswers } from './corsHelp';

describe('CORS help', () => {
  it("gives DynamoDB Local's jar and Docker commands with the page's origin and the endpoint's port", () => {
    expect(corsStartCommands('http://localhost:8001', 'http://127.0.0.1:4183')).toEqual([
      { label: 'DynamoDB Local (jar)', command: 'java -Djava.library.path=./DynamoDBLocal_lib -jar DynamoDBLocal.jar -port 8001 -cors http://127.0.0.1:4183' },
      { label: 'DynamoDB Local (Docker)', command: 'docker run -p 8001:8000 amazon/dynamodb-local -jar DynamoDBLocal.jar -inMemory -cors http://127.0.0.1:4183' },
      { label: 'tablesmith serve', command: 'npx tablesmith serve --port 8001 --cors http://127.0.0.1:4183' },
    ]);
    expect(corsStartCommands('http://dynamodb.internal', 'https://app.example')[0]?.command).toContain('-port 80 -cors https://app.example');
  });

  it('tells an endpoint that answers (whatever its CORS headers) from one where nothing listens', async () => {
    const sent: RequestInit[] = [];
    const answering = (async (_: unknown, init?: RequestInit) => {
      sent.push(init ?? {});
      return new Response(null, { status: 400 });
    }) as typeof fetch;
    const refused = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await endpointAnswers('http://localhost:8000', answering)).toBe(true);
    expect(sent[0]?.mode).toBe('no-cors');
    expect(await endpointAnswers('http://localhost:8000', refused)).toBe(false);
  });
});
