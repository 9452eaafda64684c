import { expect, test, type Page } from '@playwright/test';

// The Production tab as a new user meets it on the guide's SocialMediaApp: the hot-partition
// view leads with GSI1's constant GSI1PK = POST, write sharding spreads it over N partitions
// and undo brings it back, and traffic entered in the Cost tab loads the heat map.

async function openProduction(page: Page) {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Production' }).click();
  await expect(page.getByRole('region', { name: 'Hot partitions' })).toBeVisible();
}

const gsi1 = (page: Page) => page.getByRole('table', { name: 'Partitions of GSI GSI1' });

test("the hot-partition view flags the guide's GSI1PK = POST first", async ({ page }) => {
  await openProduction(page);
  const first = page.getByRole('list', { name: 'Flagged partition keys' }).getByRole('listitem').first();
  await expect(first).toContainText('GSI1PK = POST in GSI GSI1');
  await expect(first).toContainText('Low cardinality');
  await expect(first).toContainText('all 200 PostMetadata items sit in one GSI1 partition');
  const post = gsi1(page).getByRole('row', { name: /^GSI1PK = POST\b/ });
  await expect(post.getByRole('cell').nth(1)).toHaveText('1');
  await expect(post.getByRole('cell').nth(2)).toHaveText('200');
});

test('write sharding is one design change with its effect shown first, and undo takes it back', async ({ page }) => {
  await openProduction(page);
  const shards = page.getByRole('textbox', { name: 'Shards for GSI1PK = POST' });
  await expect(shards).toHaveValue('10');
  await shards.fill('8');
  await expect(page.getByText(/hottest\s+partition goes from .* and from\s+200 to 25 items/)).toBeVisible();
  await expect(page.getByText(/Get recent posts \(8 queries per call\)/).first()).toBeVisible();

  await page.getByRole('button', { name: 'Apply write sharding to GSI1PK = POST' }).click();
  const sharded = gsi1(page).getByRole('row', { name: /^GSI1PK = POST#\{\{shard\}\}/ });
  await expect(sharded.getByRole('cell').nth(1)).toHaveText('8');
  await expect(sharded.getByRole('cell').nth(2)).toHaveText('25');
  await expect(page.getByRole('list', { name: 'Flagged partition keys' })).not.toContainText('GSI1PK = POST in GSI');

  // The pattern that reads the key now takes the shard.
  await page.getByRole('tab', { name: 'Access patterns' }).click();
  await page.getByRole('button', { name: /Get recent posts/ }).first().click();
  await expect(page.getByText('POST#{{shard}}').first()).toBeVisible();

  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('tab', { name: 'Production' }).click();
  await expect(gsi1(page).getByRole('row', { name: /^GSI1PK = POST\b/ }).getByRole('cell').nth(1)).toHaveText('1');
  await expect(page.getByRole('list', { name: 'Flagged partition keys' }).getByRole('listitem').first()).toContainText('GSI1PK = POST in GSI GSI1');
});

test('traffic entered in the Cost tab loads the hottest partition until it is throttled', async ({ page }) => {
  await openProduction(page);
  const post = () => gsi1(page).getByRole('row', { name: /^GSI1PK = POST\b/ });
  await expect(post().getByRole('cell').nth(4)).toHaveText('0 WCU/s (0%)');

  await page.getByRole('tab', { name: 'Cost' }).click();
  await page.getByRole('textbox', { name: 'Requests per second for Batch write a post and its metadata' }).fill('1500');
  await page.getByRole('tab', { name: 'Production' }).click();
  await expect(post().getByRole('cell').nth(4)).toHaveText(/^1,500 WCU\/s \(150%\)$/);
  await expect(post().getByRole('cell').nth(5)).toContainText('Batch write a post and its metadata');
  await expect(page.getByRole('list', { name: 'Flagged partition keys' }).getByRole('listitem').first()).toContainText('Hot partition');
});

test('the item-size meter measures each entity against 400 KB and the capacity steps', async ({ page }) => {
  await openProduction(page);
  const row = page.getByRole('table', { name: 'Item sizes per entity' }).getByRole('row', { name: /^PostMetadata\b/ });
  await expect(row.getByRole('meter', { name: 'PostMetadata size of the item limit' })).toBeVisible();
  await expect(row.getByRole('cell').nth(3)).toContainText('1 WCU per write');
  await expect(row.getByRole('cell').nth(4)).toContainText('1 RCU strongly consistent, 0.5 eventually');
});
