// When the browser refuses an endpoint's answers. A DynamoDB Local started as its docs and its
// Docker image start it sends no CORS headers, so a page on another origin (this app) sees
// every request fail with only "Failed to fetch", exactly as when nothing listens. An opaque
// `no-cors` request tells the two apart: it settles whenever the server answers, whatever its
// CORS headers, and fails only when nothing answers.

/** Whether anything answers HTTP at `endpoint`, asked in a way CORS cannot refuse. */
export async function endpointAnswers(endpoint: string, send: typeof fetch = fetch): Promise<boolean> {
  try {
    await send(endpoint, { method: 'POST', mode: 'no-cors', body: '{}', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

export interface StartCommand {
  label: string;
  command: string;
}

/**
 * The commands that start DynamoDB Local so that a page from `origin` may call it on the
 * endpoint's port: `-cors` takes a comma-separated list of origins, and an Access-Control-
 * Allow-Origin header is sent only for those.
 */
export function corsStartCommands(endpoint: string, origin: string): StartCommand[] {
  const url = new URL(endpoint);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return [
    { label: 'DynamoDB Local (jar)', command: `java -Djava.library.path=./DynamoDBLocal_lib -jar DynamoDBLocal.jar -port ${port} -cors ${origin}` },
    { label: 'DynamoDB Local (Docker)', command: `docker run -p ${port}:8000 amazon/dynamodb-local -jar DynamoDBLocal.jar -inMemory -cors ${origin}` },
    { label: 'tablesmith serve', command: `npx tablesmith serve --port ${port} --cors ${origin}` },
  ];
}
