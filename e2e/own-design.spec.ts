import { expect, test, type Page } from '@playwright/test';

// A user's own work, not the built-in example: a NoSQL Workbench file of several tables comes in
// through the one Import with every table and its own items; a blank design starts empty.

const outline = (page: Page) => page.getByRole('navigation', { name: 'Model outline' });
const previewItems = (page: Page, view: string) => page.getByRole('list', { name: `Items in ${view}` });

/** A Workbench file like the ones users export: two tables, a Number key, a Binary attribute, real items. */
const warehouse = {
  ModelName: 'Warehouse',
  ModelMetadata: { Author: 'me', Version: '3.0', Description: 'Stock and orders' },
  DataModel: [
    {
      TableName: 'Widgets',
      KeyAttributes: { PartitionKey: { AttributeName: 'Widget_Id', AttributeType: 'N' } },
      NonKeyAttributes: [
        { AttributeName: 'label', AttributeType: 'S' },
        { AttributeName: 'thumbnail', AttributeType: 'B' },
      ],
      TableData: [
        { Widget_Id: { N: '7' }, label: { S: 'Brass hinge' }, thumbnail: { B: 'AAEC' } },
        { Widget_Id: { N: '8' }, label: { S: 'Copper rivet' } },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    },
    {
      TableName: 'Orders',
      KeyAttributes: { PartitionKey: { AttributeName: 'PK', AttributeType: 'S' }, SortKey: { AttributeName: 'SK', AttributeType: 'S' } },
      GlobalSecondaryIndexes: [
        { IndexName: 'ByStatus', KeyAttributes: { PartitionKey: { AttributeName: 'GSI1PK', AttributeType: 'S' }, SortKey: { AttributeName: 'GSI1SK', AttributeType: 'S' } }, Projection: { ProjectionType: 'ALL' } },
      ],
      TableData: [
        { PK: { S: 'CUSTOMER#c1' }, SK: { S: 'ORDER#o1' }, GSI1PK: { S: 'STATUS#SHIPPED' }, GSI1SK: { S: 'ORDER#2026-02-01' }, customerId: { S: 'c1' }, orderId: { S: 'o1' }, status: { S: 'SHIPPED' } },
        { PK: { S: 'CUSTOMER#c2' }, SK: { S: 'ORDER#o2' }, GSI1PK: { S: 'STATUS#PLACED' }, GSI1SK: { S: 'ORDER#2026-02-03' }, customerId: { S: 'c2' }, orderId: { S: 'o2' }, status: { S: 'PLACED' } },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    },
  ],
};

test('imports a Workbench file of several tables through the top bar, keeps its items, and switches tables', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'Model name' })).toHaveValue('SocialMediaApp');
  await page.getByLabel('Import a file').setInputFiles({ name: 'warehouse.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(warehouse)) });
  await expect(page.getByText('Imported "warehouse.json", read as a NoSQL Workbench model: 2 tables (Widgets, Orders)')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Model name' })).toHaveValue('Warehouse');

  // The first table, with the file's own items, marked as imported, values as the file had them.
  await page.getByRole('tab', { name: 'Preview' }).click();
  const widgets = previewItems(page, 'Table Widgets');
  await expect(widgets.getByRole('button', { name: /^Imported .* item 7$/ })).toBeVisible();
  await widgets.getByRole('button', { name: /^Imported .* item 7$/ }).click();
  await expect(page.getByLabel('Item as DynamoDB JSON')).toContainText('Brass hinge');
  await expect(page.getByLabel('Item as DynamoDB JSON')).toContainText('"N": "7"');

  // The other table is one choice away, with its index and its items.
  await page.getByRole('combobox', { name: 'Table' }).selectOption({ label: 'Orders' });
  await expect(outline(page).getByRole('button', { name: /^GSI ByStatus\b/ })).toBeVisible();
  await page.getByRole('group', { name: 'Show items of' }).getByRole('button', { name: 'GSI ByStatus' }).click();
  await previewItems(page, 'GSI ByStatus').getByRole('button', { name: /^Imported .* item STATUS#SHIPPED ORDER#2026-02-01$/ }).click();
  await expect(page.getByLabel('Item as DynamoDB JSON')).toContainText('"o1"');

  // Switching is undoable like any other step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('combobox', { name: 'Table' })).toHaveValue('0');
  await expect(outline(page).getByRole('button', { name: /^Table Widgets\b/ })).toBeVisible();
});

test('a new design starts blank, with nothing of the example left behind', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New design' }).click();
  await expect(page.getByRole('textbox', { name: 'Model name' })).toHaveValue('Untitled design');
  await expect(outline(page).getByRole('button', { name: /^Entity / })).toHaveCount(0);
  await expect(outline(page).getByRole('button', { name: /^GSI / })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Access patterns' }).click();
  await expect(page.getByRole('list', { name: 'Access patterns' }).getByRole('button')).toHaveCount(0);
  // The design's description is a field of its own, and the Markdown export carries it.
  await outline(page).getByRole('button', { name: /^Table MyTable\b/ }).click();
  await page.getByRole('textbox', { name: 'Design description' }).fill('A shop of my own');
  await page.getByRole('tab', { name: 'Export' }).click();
  await page.getByRole('tab', { name: 'Design document (Markdown)' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Design document (Markdown)' })).toContainText('A shop of my own');
  await expect(page.getByRole('tabpanel', { name: 'Design document (Markdown)' })).not.toContainText('SocialMediaApp');
  // Undo brings the example back.
  for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('textbox', { name: 'Model name' })).toHaveValue('SocialMediaApp');
});

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

/** Adds an entity from the canvas toolbar and gives it a name, an id attribute and its table keys. */
async function addEntity(page: Page, name: string, keys: { pk: string; sk: string }, attributes: string[] = []) {
  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Add entity' }).click();
  await inspector(page).getByRole('textbox', { name: 'Entity name' }).fill(name);
  const id = `${name.charAt(0).toLowerCase()}${name.slice(1)}Id`;
  await inspector(page).getByRole('textbox', { name: 'Name of entityId' }).fill(id);
  for (const attribute of attributes) {
    await inspector(page).getByRole('button', { name: 'Add attribute' }).click();
    // The new attribute's name field has the focus, as after any command that creates something.
    const name = inspector(page).getByRole('group', { name: /^Attribute / }).last().getByRole('textbox', { name: /^Name of / });
    await expect(name).toBeFocused();
    await name.fill(attribute);
  }
  await inspector(page).getByRole('combobox', { name: 'Table PK (S)' }).fill(keys.pk);
  await inspector(page).getByRole('combobox', { name: 'Table SK (S)' }).fill(keys.sk);
}

test('builds a shop on a blank design, and a create-order pattern puts the new order in the GSI', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New design' }).click();
  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Add GSI' }).click();
  await expect(outline(page).getByRole('button', { name: /^GSI GSI1\b/ })).toBeVisible();
  await addEntity(page, 'Customer', { pk: 'CUSTOMER#{{customerId}}', sk: 'PROFILE' }, ['email']);
  await addEntity(page, 'Order', { pk: 'CUSTOMER#{{customerId}}', sk: 'ORDER#{{orderId}}' }, ['customerId', 'status', 'createdAt']);
  await inspector(page).getByRole('combobox', { name: 'GSI1 GSI1PK (S)' }).fill('STATUS#{{status}}');
  await inspector(page).getByRole('combobox', { name: 'GSI1 GSI1SK (S)' }).fill('ORDER#{{createdAt}}');
  await addEntity(page, 'Product', { pk: 'PRODUCT#{{productId}}', sk: 'META' }, ['price']);
  await addEntity(page, 'OrderItem', { pk: 'ORDER#{{orderId}}', sk: 'PRODUCT#{{productId}}' }, ['orderId', 'productId']);
  await expect(outline(page).getByRole('button', { name: /^Entity / })).toHaveCount(4);

  // Orders are in the index as the preview shows it.
  await page.getByRole('tab', { name: 'Preview' }).click();
  await page.getByRole('group', { name: 'Show items of' }).getByRole('button', { name: 'GSI GSI1' }).click();
  await expect(previewItems(page, 'GSI GSI1').getByRole('button', { name: /^Order item STATUS#\S+ ORDER#/ }).first()).toBeVisible();

  // A create-order pattern built by the form writes every key the entity defines, GSI keys included.
  await page.getByRole('tab', { name: 'Access patterns' }).click();
  await page.getByRole('button', { name: 'New pattern' }).click();
  await page.getByRole('textbox', { name: 'Pattern name' }).fill('Create order');
  await page.getByRole('combobox', { name: 'Operation' }).selectOption('PutItem');
  await page.getByRole('combobox', { name: 'Entity' }).selectOption({ label: 'Order' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const written = page.getByRole('region', { name: 'Run results' });
  await expect(written.getByRole('table', { name: /^Created PK CUSTOMER#\S+, SK ORDER#\S+$/ })).toBeVisible();
  await expect(written.getByRole('list', { name: /^Index entries of PK CUSTOMER#/ })).toContainText(/GSI GSI1: GSI1PK STATUS#\S+, GSI1SK ORDER#/);
});
