import { expect, test, type Locator, type Page } from '@playwright/test';
import { typeRequestJson } from './testing/requestJson';

// Access patterns as a new user works with them: pick one, run it, read the items; break
// an expression; add a pattern with the form; page through a result.

async function openPatterns(page: Page) {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Access patterns' }).click();
  await expect(patternList(page)).toBeVisible();
}

const patternList = (page: Page) => page.getByRole('list', { name: 'Access patterns' });
const results = (page: Page) => page.getByRole('region', { name: 'Run results' });
const resultRows = (page: Page) => page.getByRole('table', { name: 'Result items' }).locator('tbody tr');

async function openPattern(page: Page, name: string) {
  await patternList(page).getByRole('button', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await expect(page.getByRole('textbox', { name: 'Pattern name' })).toHaveValue(name);
}

async function columnValues(page: Page, column: string): Promise<string[]> {
  const headers = await page.getByRole('table', { name: 'Result items' }).getByRole('columnheader').allTextContents();
  const index = headers.indexOf(column);
  expect(index, `column ${column} in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return resultRows(page).locator(`td:nth-child(${index + 1})`).allTextContents();
}

const reads: { name: string; check: (page: Page) => Promise<void> }[] = [
  {
    name: 'Get user profile',
    check: async (page) => {
      await expect(resultRows(page)).toHaveCount(1);
      expect(await columnValues(page, 'SK')).toEqual(['PROFILE']);
    },
  },
  {
    name: "Get a user's posts",
    check: async (page) => {
      const sks = await columnValues(page, 'SK');
      expect(sks.length).toBeGreaterThan(0);
      expect(sks.every((sk) => sk.startsWith('POST#'))).toBe(true);
      expect([...sks].sort().reverse()).toEqual(sks);
    },
  },
  {
    name: 'Get likes for a post',
    check: async (page) => {
      const sks = await columnValues(page, 'SK');
      expect(sks.length).toBeGreaterThan(0);
      expect(sks.every((sk) => sk.startsWith('LIKE#USER#'))).toBe(true);
    },
  },
  {
    name: "Get a user's followers",
    check: async (page) => {
      const sks = await columnValues(page, 'SK');
      expect(sks.length).toBeGreaterThan(0);
      expect(sks.every((sk) => sk.startsWith('FOLLOWER#'))).toBe(true);
    },
  },
  {
    name: 'Get recent posts',
    check: async (page) => {
      await expect(resultRows(page)).toHaveCount(50);
      const created = await columnValues(page, 'GSI1SK');
      expect([...created].sort().reverse()).toEqual(created);
    },
  },
  {
    name: 'Find a user by username',
    check: async (page) => {
      await expect(resultRows(page)).toHaveCount(1);
      // GSI2 projects KEYS_ONLY: the table and index keys, nothing else.
      const headers = await page.getByRole('table', { name: 'Result items' }).getByRole('columnheader').allTextContents();
      expect(headers.sort()).toEqual(['GSI2PK', 'GSI2SK', 'PK', 'SK']);
    },
  },
  {
    name: 'Get trending posts since a date',
    check: async (page) => {
      const status = await columnValues(page, 'GSI3PK');
      expect(status.length).toBeGreaterThan(0);
      expect(new Set(status)).toEqual(new Set(['TRENDING']));
      expect((await columnValues(page, 'GSI3SK')).every((d) => d > '2024-06-01T00:00:00Z')).toBe(true);
    },
  },
  {
    name: 'Batch get a profile and a post',
    check: async (page) => {
      await expect(resultRows(page)).toHaveCount(2);
      expect((await columnValues(page, 'SK')).sort()).toEqual(['METADATA', 'PROFILE']);
    },
  },
];

test('runs each preloaded read pattern and sees the expected items', async ({ page }) => {
  await openPatterns(page);
  for (const { name, check } of reads) {
    await openPattern(page, name);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(results(page), name).toBeVisible();
    await expect(results(page)).toContainText('RCU');
    await check(page);
  }
});

test('runs the preloaded write patterns without touching the preview data', async ({ page }) => {
  await openPatterns(page);
  for (const name of ['Create a post and count it', 'Batch write a post and its metadata']) {
    await openPattern(page, name);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(results(page)).toContainText('WCU');
    await expect(page.getByRole('alert', { name: 'Run error' })).toHaveCount(0);
  }
  // The written post is not in the shared sample data that the read patterns run on.
  await openPattern(page, 'Batch get a profile and a post');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(results(page)).toBeVisible();
  expect(await columnValues(page, 'PK')).not.toContain('POST#post-new-0002');
});

const written = (page: Page) => page.getByRole('region', { name: 'Items after the write' });
/** An attribute's Before, After and Change cells in the table of one written item. */
const writtenCells = (item: Locator, attribute: string) =>
  item.getByRole('row').filter({ has: item.page().getByRole('rowheader', { name: attribute, exact: true }) }).getByRole('cell');

test('shows the post a transaction created and the count it added, from the sample data on every run', async ({ page }) => {
  await openPatterns(page);
  await openPattern(page, 'Get user profile');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(resultRows(page)).toHaveCount(1);
  const [userId] = await columnValues(page, 'userId');
  const [postsCount] = await columnValues(page, 'postsCount');
  const counted = String(Number(postsCount) + 1);

  await openPattern(page, 'Create a post and count it');
  await page.getByRole('textbox', { name: 'userId', exact: true }).fill(userId!);
  // Each run writes a new post id, so the results on screen are those of the run just made.
  for (const postId of ['post-e2e-1', 'post-e2e-2']) {
    await page.getByRole('textbox', { name: 'postId', exact: true }).fill(postId);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const post = written(page).getByRole('table', { name: `Created PK USER#${userId}, SK POST#${postId}` });
    await expect(post).toBeVisible();
    await expect(writtenCells(post, 'description')).toHaveText(['', 'New post', 'added']);
    const profile = written(page).getByRole('table', { name: `Updated PK USER#${userId}, SK PROFILE` });
    await expect(writtenCells(profile, 'postsCount')).toHaveText([postsCount!, counted, 'changed']);
    await expect(writtenCells(profile, 'username')).toHaveText([/.+/, /.+/, '']);
  }
});

test('shows the item a delete pattern removed as deleted', async ({ page }) => {
  await openPatterns(page);
  await page.getByRole('button', { name: 'New pattern' }).click();
  await page.getByRole('textbox', { name: 'Pattern name' }).fill('Delete a post');
  await page.getByRole('combobox', { name: 'Operation' }).selectOption('DeleteItem');
  await page.getByRole('combobox', { name: 'Entity' }).selectOption({ label: 'Post' });
  const postId = (await page.getByRole('textbox', { name: 'postId', exact: true }).getAttribute('placeholder'))?.replace(/ \(from sample data\)$/, '');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const post = written(page).getByRole('table', { name: new RegExp(`^Deleted PK USER#.+, SK POST#${postId}$`) });
  await expect(post).toBeVisible();
  await expect(writtenCells(post, 'postId')).toHaveText([postId!, '', 'removed']);
  await expect(writtenCells(post, 'SK')).toHaveText([`POST#${postId}`, '', 'removed']);
});

test("shows DynamoDB's own error for a broken key condition written in the JSON editor", async ({ page }) => {
  await openPatterns(page);
  await openPattern(page, "Get a user's posts");
  await typeRequestJson(
    page,
    JSON.stringify({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK :sk)',
      ExpressionAttributeValues: { ':pk': { S: 'USER#{{userId}}' }, ':sk': { S: 'POST#' } },
    }),
  );
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const error = page.getByRole('alert', { name: 'Run error' });
  await expect(error).toContainText('ValidationException');
  await expect(error).toContainText('Invalid KeyConditionExpression: Syntax error; token: ":sk"');
  // The check underlines nothing it cannot parse, but says the key condition is broken.
  await expect(page.getByRole('list', { name: 'Checks' })).toContainText('KeyConditionExpression');
});

test('the request editor is bundled locally and completes placeholders and attribute names', async ({ page }) => {
  const remote: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) remote.push(request.url());
  });
  await openPatterns(page);
  await openPattern(page, 'Get user profile');
  await page.getByRole('group', { name: 'Edit request as' }).getByRole('button', { name: 'JSON' }).click();
  const editor = page.getByRole('textbox', { name: 'Request JSON' });
  await expect(editor).toBeAttached();
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.insertText(',\n"ProjectionExpression": "{{us');
  await page.keyboard.press('Control+Space');
  const suggestions = page.getByRole('listbox');
  await expect(suggestions.getByRole('option', { name: /\{\{userId\}\}/ }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
  await page.keyboard.insertText('follo');
  await page.keyboard.press('Control+Space');
  await expect(suggestions.getByRole('option', { name: /followersCount/ }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  expect(remote).toEqual([]);
});

test('adds a new pattern with the form and runs it', async ({ page }) => {
  await openPatterns(page);
  await page.getByRole('button', { name: 'New pattern' }).click();
  await page.getByRole('textbox', { name: 'Pattern name' }).fill('Comments on a post');
  await page.getByRole('combobox', { name: 'Entity' }).selectOption({ label: 'Comment' });
  await expect(page.getByRole('textbox', { name: 'PK value' })).toHaveValue('POST#{{postId}}');
  await expect(page.getByRole('combobox', { name: 'SK condition' })).toHaveValue('begins_with');
  await expect(page.getByRole('textbox', { name: 'SK value' })).toHaveValue('COMMENT#');
  await page.getByRole('spinbutton', { name: 'Limit' }).fill('5');
  await page.getByRole('checkbox', { name: /Descending order/ }).check();
  await expect(page.getByRole('list', { name: 'Checks' })).toContainText('Returns Comment items');
  await expect(page.getByRole('textbox', { name: 'postId' })).toHaveAttribute('placeholder', /\(from sample data\)$/);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const sks = await columnValues(page, 'SK');
  expect(sks.length).toBeGreaterThan(0);
  expect(sks.length).toBeLessThanOrEqual(5);
  expect(sks.every((sk) => sk.startsWith('COMMENT#'))).toBe(true);
  await expect(patternList(page).getByRole('button', { name: /Comments on a post/ })).toBeVisible();

  // The JSON view shows the response and the concrete request the SDK sent.
  await results(page).getByRole('button', { name: 'JSON' }).click();
  await expect(page.getByRole('region', { name: 'Run results' }).getByLabel('Request sent')).toContainText('"Limit": 5');
  await expect(page.getByLabel('Result JSON')).toContainText('"ConsumedCapacity"');
});

test('flags a key condition that also returns another entity', async ({ page }) => {
  await openPatterns(page);
  await openPattern(page, "Get a user's followers");
  await expect(page.getByRole('list', { name: 'Checks' })).toContainText('Returns Follower items');
  await page.getByRole('textbox', { name: 'SK value' }).fill('FOLLOW');
  await expect(page.getByRole('list', { name: 'Checks' })).toContainText('Also returns Following items');
  await expect(patternList(page).getByRole('button', { name: /Get a user's followers/ })).toContainText('Warning');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const sks = await columnValues(page, 'SK');
  expect(sks.some((sk) => sk.startsWith('FOLLOWING#'))).toBe(true);
});

test('runs with a typed parameter value, kept with the design', async ({ page }) => {
  await openPatterns(page);
  await openPattern(page, 'Get user profile');
  await page.getByRole('textbox', { name: 'userId' }).fill('nobody');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(results(page)).toContainText('No items.');
  await openPattern(page, 'Get likes for a post');
  await openPattern(page, 'Get user profile');
  await expect(page.getByRole('textbox', { name: 'userId' })).toHaveValue('nobody');
  await page.getByRole('textbox', { name: 'userId' }).fill('');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(resultRows(page)).toHaveCount(1);
});

test('pages forward and back through a result', async ({ page }) => {
  await openPatterns(page);
  await openPattern(page, 'Get recent posts');
  await page.getByRole('spinbutton', { name: 'Limit' }).fill('4');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(resultRows(page)).toHaveCount(4);
  const first = await columnValues(page, 'GSI1SK');
  await expect(page.getByRole('button', { name: 'Previous page' })).toBeDisabled();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(results(page)).toContainText('Page2');
  const second = await columnValues(page, 'GSI1SK');
  expect(second).toHaveLength(4);
  expect(second[0]! < first[3]!).toBe(true);
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(results(page)).toContainText('Page1');
  expect(await columnValues(page, 'GSI1SK')).toEqual(first);
});

test('shows the access-pattern chart', async ({ page }) => {
  await openPatterns(page);
  await page.getByRole('button', { name: 'Chart' }).click();
  const chart = page.getByRole('region', { name: 'Access-pattern chart' });
  await expect(chart.getByRole('row', { name: /Find a user by username Query GSI2 GSI2PK = "\{\{username\}\}"/ })).toBeVisible();
  const download = page.waitForEvent('download');
  await chart.getByRole('button', { name: 'Download chart' }).click();
  expect((await download).suggestedFilename()).toBe('SocialMediaApp-access-patterns.md');
});
