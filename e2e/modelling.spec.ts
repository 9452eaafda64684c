import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

// Modelling as a user does it: attributes through their whole life, an LSI, a Workbench file
// brought in through the Export tab, and a GSI's own capacity with auto-scaling.

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'Model name' })).toHaveValue('SocialMediaApp');
}

async function readDownload(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

const outline = (page: Page) => page.getByRole('navigation', { name: 'Model outline' });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const previewView = (page: Page, view: string) => page.getByRole('group', { name: 'Show items of' }).getByRole('button', { name: view });
const previewItems = (page: Page, view: string) => page.getByRole('list', { name: `Items in ${view}` });

/** The messages shown next to a field, found as a screen reader finds them: through aria-describedby. */
async function messagesOf(page: Page, field: Locator): Promise<Locator> {
  const describedBy = await field.getAttribute('aria-describedby');
  expect(describedBy, 'the field points at its messages').toBeTruthy();
  return page.locator(`[id="${describedBy}"]`);
}

test('adds, renames, retypes and deletes an attribute; key templates and the preview follow', async ({ page }) => {
  await openApp(page);
  await outline(page).getByRole('button', { name: /^Entity Post\b/ }).click();
  await inspector(page).getByRole('button', { name: 'Add attribute' }).click();
  await inspector(page).getByRole('group', { name: 'Attribute newAttribute' }).getByRole('textbox', { name: 'Name of newAttribute' }).fill('mood');
  const gsiPk = inspector(page).getByRole('combobox', { name: 'GSI1 GSI1PK (S)' });
  await gsiPk.fill('MOOD#{{mood}}');
  await inspector(page).getByRole('combobox', { name: 'GSI1 GSI1SK (S)' }).fill('POST#{{postId}}');
  await expect(gsiPk).toHaveAttribute('aria-invalid', 'false');

  await page.getByRole('combobox', { name: 'Filter by entity' }).selectOption({ label: 'Post' });
  await previewView(page, 'GSI GSI1').click();
  await previewItems(page, 'GSI GSI1').getByRole('button', { name: /^Post item MOOD#.+ POST#/ }).first().click();
  const itemJson = page.getByLabel('Item as DynamoDB JSON');
  await expect(itemJson).toContainText('"mood": {');

  // Renaming carries the new name into the entity's key templates and its items.
  const attribute = inspector(page).getByRole('group', { name: 'Attribute mood' });
  await attribute.getByRole('textbox', { name: 'Name of mood' }).fill('feeling');
  await expect(gsiPk).toHaveValue('MOOD#{{feeling}}');
  await expect(itemJson).toContainText('"feeling": {');
  await expect(itemJson).not.toContainText('"mood"');

  const feeling = inspector(page).getByRole('group', { name: 'Attribute feeling' });
  await feeling.getByRole('combobox', { name: 'Type of feeling' }).selectOption('N');
  await expect(itemJson).toContainText(/"feeling": \{\s*"N": "/);
  await expect(gsiPk).toHaveAttribute('aria-invalid', 'false');

  // Deleting it leaves a template that names a missing attribute: the error sits at the template.
  await feeling.getByRole('button', { name: 'Delete attribute feeling' }).click();
  await expect(feeling).toHaveCount(0);
  await expect(gsiPk).toHaveAttribute('aria-invalid', 'true');
  await expect(await messagesOf(page, gsiPk)).toContainText('feeling');
  await expect(previewItems(page, 'GSI GSI1').getByRole('button', { name: /^Post item MOOD#/ })).toHaveCount(0);
  await previewView(page, 'Table SocialMediaApp').click();
  await previewItems(page, 'Table SocialMediaApp').getByRole('button', { name: /^Post item USER#/ }).first().click();
  await expect(itemJson).toContainText('"postId": {');
  await expect(itemJson).not.toContainText('"feeling"');
});

test('adds an LSI with its own sort key and sees its item collections in the preview', async ({ page }) => {
  await openApp(page);
  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Add LSI' }).click();
  const lsi = inspector(page).getByRole('region', { name: 'Local secondary index LSI1' });
  await lsi.getByRole('textbox', { name: 'Sort key name' }).fill('postedAt');
  await expect(outline(page).getByRole('button', { name: /^LSI LSI1\b/ })).toBeVisible();

  await outline(page).getByRole('button', { name: /^Entity Post\b/ }).click();
  await inspector(page).getByRole('combobox', { name: 'LSI1 postedAt (S)' }).fill('DATE#{{createdAt}}');

  await previewView(page, 'LSI LSI1').click();
  const summary = page.getByRole('status', { name: 'Preview summary' });
  await expect(summary).toContainText('200 items in');
  await expect(summary).toContainText('table items not in this index (sparse)');
  const items = previewItems(page, 'LSI LSI1').getByRole('button', { name: /^Post item / });
  await expect(items.first()).toHaveAccessibleName(/^Post item USER#\S+ DATE#2024-/);

  // Each collection is one user's posts (the table's partition key), in postedAt order.
  const names = await items.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
  const byUser = new Map<string, string[]>();
  for (const name of names) {
    const [, user, date] = /^Post item (USER#\S+) (DATE#\S+)$/.exec(name) ?? [];
    expect(user, name).toBeDefined();
    byUser.set(user!, [...(byUser.get(user!) ?? []), date!]);
  }
  expect([...byUser.values()].some((dates) => dates.length > 1)).toBe(true);
  for (const dates of byUser.values()) expect(dates).toEqual([...dates].sort());
});

test('imports a NoSQL Workbench model from the Export tab, and undo brings the old model back', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Export', exact: true }).click();
  const item = (pk: string, sk: string, rest: Record<string, string>) => ({
    PK: { S: pk },
    SK: { S: sk },
    ...Object.fromEntries(Object.entries(rest).map(([name, value]) => [name, { S: value }])),
  });
  const workbench = {
    ModelName: 'Library',
    ModelMetadata: { Version: '3.0', Author: 'e2e', Description: 'Books and their loans' },
    DataModel: [
      {
        TableName: 'LibraryTable',
        KeyAttributes: { PartitionKey: { AttributeName: 'PK', AttributeType: 'S' }, SortKey: { AttributeName: 'SK', AttributeType: 'S' } },
        NonKeyAttributes: ['bookId', 'title', 'memberId', 'GSI1PK', 'GSI1SK'].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        GlobalSecondaryIndexes: [
          {
            IndexName: 'ByMember',
            KeyAttributes: { PartitionKey: { AttributeName: 'GSI1PK', AttributeType: 'S' }, SortKey: { AttributeName: 'GSI1SK', AttributeType: 'S' } },
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        TableFacets: [
          { FacetName: 'Book', KeyAttributeAlias: { PartitionKeyAlias: 'BOOK#{{bookId}}', SortKeyAlias: 'DETAILS' }, NonKeyAttributes: ['bookId', 'title'] },
          {
            FacetName: 'Loan',
            KeyAttributeAlias: { PartitionKeyAlias: 'BOOK#{{bookId}}', SortKeyAlias: 'LOAN#{{memberId}}' },
            NonKeyAttributes: ['bookId', 'memberId', 'GSI1PK', 'GSI1SK'],
            TableData: [
              item('BOOK#b1', 'LOAN#m1', { bookId: 'b1', memberId: 'm1', GSI1PK: 'MEMBER#m1', GSI1SK: 'BOOK#b1' }),
              item('BOOK#b2', 'LOAN#m2', { bookId: 'b2', memberId: 'm2', GSI1PK: 'MEMBER#m2', GSI1SK: 'BOOK#b2' }),
            ],
          },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      },
    ],
  };
  await page.getByLabel('Import a file').setInputFiles({
    name: 'library.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(workbench)),
  });
  await expect(page.getByText('Imported "library.json", read as a NoSQL Workbench model: table LibraryTable, 2 entities, 2 items of the file kept as they are.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Model name' })).toHaveValue('Library');
  for (const name of ['Entity Book', 'Entity Loan', 'GSI ByMember', 'Table LibraryTable']) {
    await expect(outline(page).getByRole('button', { name: new RegExp(`^${name}\\b`) })).toBeVisible();
  }
  await expect(outline(page).getByRole('button', { name: /^Entity Post\b/ })).toHaveCount(0);

  // The facets' aliases became key templates; the GSI's templates were read from the facet's items.
  await outline(page).getByRole('button', { name: /^Entity Loan\b/ }).click();
  await expect(inspector(page).getByRole('combobox', { name: 'Table SK (S)' })).toHaveValue('LOAN#{{memberId}}');
  await expect(inspector(page).getByRole('combobox', { name: 'ByMember GSI1PK (S)' })).toHaveValue('MEMBER#{{memberId}}');
  await page.getByRole('tab', { name: 'Preview' }).click();
  await previewView(page, 'GSI ByMember').click();
  await expect(previewItems(page, 'GSI ByMember').getByRole('button', { name: /^Imported Loan item MEMBER#m\d BOOK#b\d$/ }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('textbox', { name: 'Model name' })).toHaveValue('SocialMediaApp');
  await expect(outline(page).getByRole('button', { name: /^Entity Loan\b/ })).toHaveCount(0);
});

test('gives a GSI its own capacity and auto-scaling, with bad values flagged at the field', async ({ page }) => {
  await openApp(page);
  await outline(page).getByRole('button', { name: /^GSI GSI1\b/ }).click();
  const gsi = inspector(page).getByRole('region', { name: 'Global secondary index GSI1' });
  await gsi.getByRole('button', { name: 'Set index capacity' }).click();
  const read = gsi.getByRole('group', { name: 'Read capacity' });
  const write = gsi.getByRole('group', { name: 'Write capacity' });
  await expect(read.getByRole('spinbutton', { name: 'Read capacity units' })).toHaveValue('5');

  // A value the field cannot take is refused in place; the model keeps the last good one.
  const writeUnits = write.getByRole('spinbutton', { name: 'Write capacity units' });
  await writeUnits.fill('0');
  await expect(writeUnits).toHaveAttribute('aria-invalid', 'true');
  await expect(await messagesOf(page, writeUnits)).toHaveText('Must be at least 1');
  await writeUnits.fill('8');
  await expect(writeUnits).toHaveAttribute('aria-invalid', 'false');

  await read.getByRole('checkbox', { name: 'Read auto-scaling' }).check();
  const minimum = read.getByRole('spinbutton', { name: 'Read minimum capacity' });
  await expect(minimum).toHaveValue('5');
  await read.getByRole('spinbutton', { name: 'Read maximum capacity' }).fill('3');
  // A model-level mistake: shown at the field it is about and in the Problems list.
  await expect(minimum).toHaveAttribute('aria-invalid', 'true');
  await expect(await messagesOf(page, minimum)).toContainText('read auto scaling minimum 5 is above its maximum 3');
  await page.getByRole('tab', { name: /^Problems/ }).click();
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText('read auto scaling minimum 5 is above its maximum 3');

  await read.getByRole('spinbutton', { name: 'Read maximum capacity' }).fill('40');
  await read.getByRole('spinbutton', { name: 'Read target utilization %' }).fill('95');
  await expect(await messagesOf(page, read.getByRole('spinbutton', { name: 'Read target utilization %' }))).toHaveText('Must be at most 90');
  await read.getByRole('spinbutton', { name: 'Read target utilization %' }).fill('60');
  await expect(minimum).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByRole('list', { name: 'Problems' })).not.toContainText('read auto scaling minimum');

  // The index's settings reach the CDK stack (TableV2, where capacity is expressed per index).
  await page.getByRole('tab', { name: 'Export', exact: true }).click();
  await page.getByLabel('Table resource').selectOption('global-table');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download SocialMediaAppStack.ts' }).click();
  const stack = await readDownload(await download);
  const gsi1 = stack.slice(stack.indexOf('indexName: "GSI1"'), stack.indexOf('indexName: "GSI2"'));
  expect(gsi1).toContain('readCapacity: dynamodb.Capacity.autoscaled({ minCapacity: 5, maxCapacity: 40, targetUtilizationPercent: 60, seedCapacity: 5 })');
  // TableV2 has no fixed write capacity: fixed units are auto-scaling pinned at that value.
  expect(gsi1).toContain('writeCapacity: dynamodb.Capacity.autoscaled({ minCapacity: 8, maxCapacity: 8, targetUtilizationPercent: 70, seedCapacity: 8 })');
});

test('warns at the GSI that its capacity is ignored on an on-demand table, and removes it', async ({ page }) => {
  await openApp(page);
  await outline(page).getByRole('button', { name: /^GSI GSI2\b/ }).click();
  await inspector(page).getByRole('button', { name: 'Set index capacity' }).click();
  await outline(page).getByRole('button', { name: /^Table SocialMediaApp\b/ }).click();
  await inspector(page).getByRole('combobox', { name: 'Billing mode' }).selectOption('PAY_PER_REQUEST');

  await outline(page).getByRole('button', { name: /^GSI GSI2\b/ }).click();
  const gsi = inspector(page).getByRole('region', { name: 'Global secondary index GSI2' });
  await expect(gsi.getByRole('spinbutton', { name: 'Read capacity units' })).toHaveCount(0);
  const remove = gsi.getByRole('button', { name: 'Remove index capacity' });
  await expect(await messagesOf(page, remove)).toContainText('the table is on-demand (PAY_PER_REQUEST), so it is ignored');
  await expect(outline(page).getByRole('button', { name: /^GSI GSI2\b/ })).toHaveAccessibleName(/1 problem$/);
  await remove.click();
  await expect(remove).toHaveCount(0);
  await expect(outline(page).getByRole('button', { name: /^GSI GSI2\b/ })).not.toHaveAccessibleName(/problem/);
});
