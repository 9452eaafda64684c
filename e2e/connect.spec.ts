import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { startDynamoDBLocal } from '../src/testing/dynamodbLocal';

// The Connect tab against a real endpoint (`tablesmith serve` started here): deploy the
// table, seed it, check every read pattern answers as in the engine; then lose the endpoint.

function startServe(): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['bin/tablesmith.js', 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ process: child, url: match[1] });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`tablesmith serve exited with ${code} before listening:\n${output}`)));
  });
}

function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}

async function openConnect(page: Page, endpoint: string) {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Connect' }).click();
  await page.getByRole('textbox', { name: 'Endpoint URL' }).fill(endpoint);
  await expect(page.getByRole('textbox', { name: 'Region' })).toHaveValue('us-east-1');
}

const results = (page: Page) => page.getByRole('list', { name: 'Comparison results' }).getByRole('listitem');

test('deploys, seeds and finds every read pattern the same, then reports a stopped endpoint', async ({ page }) => {
  const serve = await startServe();
  try {
    await openConnect(page, serve.url);

    await page.getByRole('button', { name: 'Deploy table' }).click();
    await expect(page.getByRole('status', { name: 'Deploy status' })).toHaveText('Table SocialMediaApp is ACTIVE on the endpoint.');
    await page.getByRole('button', { name: 'Deploy table' }).click();
    await expect(page.getByRole('alert', { name: 'Deploy status' })).toContainText('Table SocialMediaApp already exists on the endpoint.');
    await page.getByRole('button', { name: 'Replace table' }).click();
    await expect(page.getByRole('status', { name: 'Deploy status' })).toHaveText('Table SocialMediaApp is ACTIVE on the endpoint.');
    await expect(page.getByRole('button', { name: 'Replace table' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Seed sample items' }).click();
    await expect(page.getByRole('status', { name: 'Seed status' })).toHaveText(/^(\d+) of \1 sample items written$/);

    // A write waits for the user's consent; cancelling sends nothing.
    const options = await page.getByRole('combobox', { name: 'Access pattern' }).getByRole('option').allTextContents();
    const write = options.find((o) => o.endsWith('(writes)'));
    expect(write).toBeDefined();
    await page.getByRole('combobox', { name: 'Access pattern' }).selectOption({ label: write! });
    await page.getByRole('button', { name: 'Run on endpoint' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Confirm writes on the endpoint' });
    await expect(confirm).toContainText('really change there');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(results(page)).toHaveCount(0);

    const reads = options.filter((o) => !o.endsWith('(writes)'));
    await page.getByRole('button', { name: 'Run all patterns' }).click();
    await confirm.getByRole('button', { name: 'Run reads only' }).click();
    await expect(page.getByRole('status', { name: 'Run status' })).toHaveText(`${reads.length} of ${reads.length} patterns answered the same on the endpoint.`);
    await expect(results(page)).toHaveCount(reads.length);
    for (const name of reads) await expect(results(page).filter({ has: page.getByText(name, { exact: true }) })).toContainText('same');
    await expect(page.getByRole('table', { name: 'Differences' })).toHaveCount(0);

    await stopServe(serve.process);
    await page.getByRole('button', { name: 'Run all patterns' }).click();
    await confirm.getByRole('button', { name: 'Run reads only' }).click();
    await expect(page.getByRole('alert', { name: 'Run status' })).toContainText(`Could not reach ${serve.url}`);
    await page.getByRole('button', { name: 'Seed sample items' }).click();
    await expect(page.getByRole('alert', { name: 'Seed status' })).toContainText('Check that the endpoint is running');
    // Nothing answers there any more: no advice about CORS.
    await expect(page.getByRole('region', { name: 'Allow this page on the endpoint' })).toHaveCount(0);

    // The rest of the app keeps working.
    await page.getByRole('tab', { name: 'Preview' }).click();
    await expect(page.getByRole('tab', { name: 'Preview' })).toHaveAttribute('aria-selected', 'true');
  } finally {
    await stopServe(serve.process);
  }
});

test('explains a URL that is not one, without sending anything', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1:')) requests.push(request.url());
  });
  await openConnect(page, 'localhost 8000');
  await page.getByRole('button', { name: 'Deploy table' }).click();
  await expect(page.getByRole('alert', { name: 'Deploy status' })).toHaveText('"localhost 8000" is not a URL; enter one like http://localhost:8000.');
  expect(requests).toEqual([]);
});

test('shows how to start a DynamoDB Local that refuses the page (no -cors), and the advice works', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const origin = new URL(baseURL as string).origin;
  const plain = await startDynamoDBLocal();
  try {
    await openConnect(page, plain.endpoint);
    await page.getByRole('button', { name: 'Deploy table' }).click();
    await expect(page.getByRole('alert', { name: 'Deploy status' })).toContainText(`Could not reach ${plain.endpoint}`);
    const help = page.getByRole('region', { name: 'Allow this page on the endpoint' });
    await expect(help).toContainText(`${plain.endpoint} is running, but it does not allow this page (${origin}) to read its answers`);
    const jar = `java -Djava.library.path=./DynamoDBLocal_lib -jar DynamoDBLocal.jar -port ${plain.port} -cors ${origin}`;
    await expect(help.getByText(jar, { exact: true })).toBeVisible();
    await expect(help.getByText(`docker run -p ${plain.port}:8000 amazon/dynamodb-local -jar DynamoDBLocal.jar -inMemory -cors ${origin}`, { exact: true })).toBeVisible();
  } finally {
    await plain.stop();
  }

  // Started as the advice says, the same DynamoDB Local takes the page's requests.
  const allowing = await startDynamoDBLocal(['-cors', origin]);
  try {
    await page.getByRole('textbox', { name: 'Endpoint URL' }).fill(allowing.endpoint);
    await page.getByRole('button', { name: 'Deploy table' }).click();
    await expect(page.getByRole('status', { name: 'Deploy status' })).toHaveText('Table SocialMediaApp is ACTIVE on the endpoint.');
    await expect(page.getByRole('region', { name: 'Allow this page on the endpoint' })).toHaveCount(0);
  } finally {
    await allowing.stop();
  }
});
