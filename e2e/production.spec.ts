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
  await expect(page.getByText(/hottest\s+partition goes from .* and from\s+200 to 25 items, and its reads from/)).toBeVisible();
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

async function openStreams(page: Page, example?: string) {
  await page.goto('/');
  if (example) await page.getByRole('combobox', { name: 'Open example' }).selectOption({ label: example });
  await page.getByRole('tab', { name: 'Streams' }).click();
  await expect(page.getByRole('region', { name: 'Streams' })).toBeVisible();
}

test('a write pattern run in the designer shows its stream record in each view type', async ({ page }) => {
  await openStreams(page);
  await expect(page.getByText('No records yet: run a write pattern (loading the sample items makes none).')).toBeVisible();
  await page.getByRole('combobox', { name: 'Write pattern' }).selectOption({ label: 'Batch write a post and its metadata' });
  await page.getByRole('button', { name: 'Run write' }).click();
  const records = page.getByRole('list', { name: 'Stream records' }).getByRole('listitem');
  await expect(records).toHaveCount(2);
  const metadata = records.filter({ hasText: 'INSERT PostMetadata' });
  await expect(metadata).toContainText('"eventName": "INSERT"');
  await expect(metadata).toContainText('"StreamViewType": "NEW_AND_OLD_IMAGES"');
  await expect(metadata).toContainText('"NewImage"');
  await expect(metadata).toContainText('"SequenceNumber"');

  const viewType = page.getByRole('combobox', { name: 'Stream view type' });
  await viewType.selectOption('KEYS_ONLY');
  await expect(metadata).toContainText('"StreamViewType": "KEYS_ONLY"');
  await expect(metadata).not.toContainText('"NewImage"');
  await viewType.selectOption('OLD_IMAGE');
  await expect(metadata).toContainText('"StreamViewType": "OLD_IMAGE"');
  await expect(metadata).not.toContainText('"NewImage"');
  await viewType.selectOption('NEW_IMAGE');
  await expect(metadata).toContainText('"NewImage"');

  await page.getByRole('combobox', { name: 'Entity' }).selectOption({ label: 'Post' });
  await expect(records).toHaveCount(1);
  await expect(records.first()).toContainText('INSERT Post ·');
  await page.getByRole('combobox', { name: 'Entity' }).selectOption({ label: 'All entities' });
  await page.getByRole('combobox', { name: 'Event' }).selectOption('REMOVE');
  await expect(records).toHaveCount(0);
});

test('advancing the engine clock past a TTL deletes the item with a REMOVE marked as a TTL deletion', async ({ page }) => {
  await openStreams(page, 'Online shop');
  const ttl = page.getByRole('group', { name: 'Time to Live' });
  await expect(ttl).toContainText('deleted by the sweep: 0 so far');
  const soonest = ttl.getByRole('table', { name: 'Soonest to expire' }).getByRole('row');
  await expect(soonest.nth(1).getByRole('cell').nth(2)).toHaveText('yes');
  await ttl.getByRole('button', { name: 'Advance past the next expiry' }).click();
  await expect(ttl).not.toContainText('deleted by the sweep: 0 so far');
  await expect(soonest.nth(1).getByRole('cell').nth(2)).toHaveText('deleted by TTL');
  await expect(soonest.last().getByRole('cell').nth(2)).toHaveText('yes');
  const removes = page.getByRole('list', { name: 'Stream records' }).getByRole('listitem');
  await expect(removes.first()).toContainText('REMOVE');
  await expect(removes.first()).toContainText('TTL deletion (userIdentity dynamodb.amazonaws.com)');
  await expect(removes.first()).toContainText('"PrincipalId": "dynamodb.amazonaws.com"');
  await page.getByRole('combobox', { name: 'Event' }).selectOption('INSERT');
  await expect(removes).toHaveCount(0);
});
