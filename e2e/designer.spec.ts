import { expect, test, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

// The designer as a new user meets it: every control is found by its role and accessible name.

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'Model name' })).toHaveValue('SocialMediaApp');
}

async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, 'utf8');
}

const outline = (page: Page) => page.getByRole('navigation', { name: 'Model outline' });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const previewView = (page: Page, view: string) => page.getByRole('group', { name: 'Show items of' }).getByRole('button', { name: view });
const previewItems = (page: Page, view: string) => page.getByRole('list', { name: `Items in ${view}` });

test('opens on the SocialMediaApp example with its entities, indexes and items', async ({ page }) => {
  await openApp(page);
  for (const entity of ['UserProfile', 'Post', 'PostMetadata', 'Like', 'Comment', 'Follower', 'Following']) {
    await expect(outline(page).getByRole('button', { name: new RegExp(`^Entity ${entity}\\b`) })).toBeVisible();
  }
  for (const index of ['GSI1', 'GSI2', 'GSI3']) {
    await expect(outline(page).getByRole('button', { name: new RegExp(`^GSI ${index}\\b`) })).toBeVisible();
  }
  await expect(previewView(page, 'Table SocialMediaApp')).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('combobox', { name: 'Filter by entity' }).selectOption({ label: 'UserProfile' });
  await expect(previewItems(page, 'Table SocialMediaApp').getByRole('button', { name: /^UserProfile item USER#\S+ PROFILE$/ }).first()).toBeVisible();
  await expect(page.getByRole('status', { name: 'Preview summary' })).toContainText('item collections');
});

test('adds an entity with a key template and sees its items in the table and GSI previews', async ({ page }) => {
  await openApp(page);
  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Add entity' }).click();
  const name = inspector(page).getByRole('textbox', { name: 'Entity name' });
  await expect(name).toBeFocused();
  await name.fill('Order');
  await expect(outline(page).getByRole('button', { name: /^Entity Order\b/ })).toBeVisible();

  // Placeholder completion: typing `{{` offers the entity's attributes.
  const pk = inspector(page).getByRole('combobox', { name: 'Table PK (S)' });
  await pk.fill('');
  await pk.pressSequentially('ORDER#{{');
  const suggestions = inspector(page).getByRole('listbox', { name: 'Attributes for Table PK (S)' });
  await expect(suggestions.getByRole('option', { name: 'entityId' })).toBeVisible();
  await pk.press('Enter');
  await expect(pk).toHaveValue('ORDER#{{entityId}}');
  const sk = inspector(page).getByRole('combobox', { name: 'Table SK (S)' });
  await sk.fill('DETAILS');

  await page.getByRole('searchbox', { name: 'Search items' }).fill('ORDER#');
  const tableItems = previewItems(page, 'Table SocialMediaApp').getByRole('button', { name: /^Order item ORDER#.+ DETAILS$/ });
  await expect(tableItems.first()).toBeVisible();

  // Not in GSI1 until the entity has GSI1's keys (a sparse index).
  await previewView(page, 'GSI GSI1').click();
  await expect(page.getByText('No items match the search.')).toBeVisible();
  await inspector(page).getByRole('combobox', { name: 'GSI1 GSI1PK (S)' }).fill('ORDERS');
  await inspector(page).getByRole('combobox', { name: 'GSI1 GSI1SK (S)' }).fill('ORDER#{{entityId}}');
  await page.getByRole('searchbox', { name: 'Search items' }).fill('ORDERS');
  const gsiItems = previewItems(page, 'GSI GSI1').getByRole('button', { name: /^Order item ORDERS ORDER#/ });
  await expect(gsiItems).toHaveCount(10);

  // Clicking an item shows it as DynamoDB JSON and as plain JSON.
  await gsiItems.first().click();
  await expect(page.getByLabel('Item as DynamoDB JSON')).toContainText('"GSI1PK": {');
  await page.getByRole('tab', { name: 'Plain JSON' }).click();
  await expect(page.getByLabel('Item as plain JSON')).toContainText('"GSI1PK": "ORDERS"');
});

test('shows a mistake in place and in the problems list, and undo removes it', async ({ page }) => {
  await openApp(page);
  await outline(page).getByRole('button', { name: /^Entity Post\b/ }).click();
  const pk = inspector(page).getByRole('combobox', { name: 'Table PK (S)' });
  const original = await pk.inputValue();
  await pk.fill('USER#{{authorr}}');
  await expect(pk).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await pk.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText('authorr');
  await page.getByRole('tab', { name: /^Problems/ }).click();
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText('authorr');

  await page.keyboard.press('Control+z');
  await expect(pk).toHaveValue(original);
  await expect(pk).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByRole('list', { name: 'Problems' })).not.toContainText('authorr');
  await page.keyboard.press('Control+Shift+z');
  await expect(pk).toHaveValue('USER#{{authorr}}');
});

test('reloading keeps the model', async ({ page }) => {
  await openApp(page);
  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Add entity' }).click();
  await inspector(page).getByRole('textbox', { name: 'Entity name' }).fill('Invoice');
  await page.getByRole('textbox', { name: 'Model name' }).fill('Billing design');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Model name' })).toHaveValue('Billing design');
  await expect(outline(page).getByRole('button', { name: /^Entity Invoice\b/ })).toBeVisible();
});

test('importing a broken model file reports where it is broken and leaves the model alone', async ({ page }) => {
  await openApp(page);
  await page.getByRole('textbox', { name: 'Model name' }).fill('Keep me');
  await page.getByLabel('Import a file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "version": 1,\n  "name": "x",\n  "table": }\n'),
  });
  await expect(page.getByRole('alert')).toContainText('"broken.json" is not valid JSON');
  await expect(page.getByRole('alert')).toContainText('line 4, column 12');
  await expect(page.getByRole('alert')).toContainText('your model is unchanged');
  await expect(page.getByRole('textbox', { name: 'Model name' })).toHaveValue('Keep me');

  await page.getByRole('button', { name: 'Dismiss message' }).click();

  // A hand-edited export whose table key is no longer a key attribute.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export model' }).click();
  const exported = JSON.parse(await readDownload(await download));
  expect(exported.name).toBe('Keep me');
  exported.table.partitionKey = 7;
  await page.getByLabel('Import a file').setInputFiles({
    name: 'wrong-shape.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exported)),
  });
  await expect(page.getByRole('alert')).toContainText('"wrong-shape.json" is not a valid Tablesmith model');
  await expect(page.getByRole('alert')).toContainText('/table/partitionKey');
  await expect(page.getByRole('textbox', { name: 'Model name' })).toHaveValue('Keep me');
  await expect(outline(page).getByRole('button', { name: /^Entity Post\b/ })).toBeVisible();
});

test('a share link opens the same model in another browser', async ({ page, browser }) => {
  await openApp(page);
  await page.getByRole('textbox', { name: 'Model name' }).fill('Shared design');
  await outline(page).getByRole('button', { name: /^Entity Comment\b/ }).click();
  await inspector(page).getByRole('textbox', { name: 'Entity name' }).fill('Reply');
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByRole('dialog', { name: 'Share link' }).getByRole('textbox', { name: 'Link to this model' }).inputValue();
  expect(link).toContain('#model=');

  const other = await browser.newContext();
  const visitor = await other.newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole('textbox', { name: 'Model name' })).toHaveValue('Shared design');
  await expect(outline(visitor).getByRole('button', { name: /^Entity Reply\b/ })).toBeVisible();
  await expect(outline(visitor).getByRole('button', { name: /^Entity Comment\b/ })).toHaveCount(0);
  await other.close();
});

test('Delete removes the selection, but not while typing, and undo brings it back', async ({ page }) => {
  await openApp(page);
  await outline(page).getByRole('button', { name: /^Entity Like\b/ }).click();
  const name = inspector(page).getByRole('textbox', { name: 'Entity name' });
  await name.click();
  await name.press('End');
  await name.press('Backspace');
  await expect(name).toHaveValue('Lik');
  await expect(outline(page).getByRole('button', { name: /^Entity Lik\b/ })).toBeVisible();

  await outline(page).getByRole('button', { name: /^Entity Lik\b/ }).click();
  await page.keyboard.press('Delete');
  await expect(outline(page).getByRole('button', { name: /^Entity Lik\b/ })).toHaveCount(0);
  await expect(previewItems(page, 'Table SocialMediaApp').getByRole('button', { name: /^Lik item/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(outline(page).getByRole('button', { name: /^Entity Lik\b/ })).toBeVisible();
});

test('renames an entity everywhere', async ({ page }) => {
  await openApp(page);
  await outline(page).getByRole('button', { name: /^Entity Post\b/ }).click();
  await page.keyboard.press('F2');
  const name = inspector(page).getByRole('textbox', { name: 'Entity name' });
  await expect(name).toBeFocused();
  await name.fill('Article');
  await expect(outline(page).getByRole('button', { name: /^Entity Article\b/ })).toBeVisible();
  await expect(page.getByRole('main', { name: 'Canvas' }).getByText('Article', { exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Filter by entity' }).selectOption({ label: 'Article' });
  await expect(previewItems(page, 'Table SocialMediaApp').getByRole('button', { name: /^Article item USER#/ }).first()).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(outline(page).getByRole('button', { name: /^Entity Post\b/ })).toBeVisible();
});

test('adds, configures and duplicates an index, edits table settings, and every panel opens offline', async ({ page, baseURL }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const remote: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL!) && !/^(data|blob):/.test(url)) remote.push(url);
  });
  await openApp(page);
  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Add GSI' }).click();
  const gsi = inspector(page).getByRole('region', { name: /^Global secondary index/ });
  await expect(gsi).toBeVisible();
  await gsi.getByRole('textbox', { name: 'Index name' }).fill('ByStatus');
  await gsi.getByRole('combobox', { name: 'Projection' }).selectOption('INCLUDE');
  await gsi.getByRole('textbox', { name: 'Projected attributes (comma-separated)' }).fill('status, title');
  await expect(outline(page).getByRole('button', { name: /^GSI ByStatus\b/ })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Show items of' }).getByRole('button', { name: 'GSI ByStatus' })).toBeVisible();

  await inspector(page).getByRole('button', { name: 'Duplicate index' }).click();
  await expect(outline(page).getByRole('button', { name: /^GSI ByStatusCopy\b/ })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(outline(page).getByRole('button', { name: /^GSI ByStatusCopy\b/ })).toHaveCount(0);

  await outline(page).getByRole('button', { name: /^Table SocialMediaApp\b/ }).click();
  const table = inspector(page).getByRole('region', { name: 'Table SocialMediaApp' });
  await table.getByRole('combobox', { name: 'Billing mode' }).selectOption('PAY_PER_REQUEST');
  await expect(table.getByRole('spinbutton', { name: 'Read capacity units' })).toHaveCount(0);
  await table.getByRole('checkbox', { name: 'Deletion protection' }).check();
  await table.getByRole('combobox', { name: 'Stream' }).selectOption('KEYS_ONLY');
  await expect(page.getByRole('main', { name: 'Canvas' }).getByText('On-demand')).toBeVisible();

  for (const tab of ['Access patterns', 'Export', 'Problems', 'Preview']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details.getByRole('tabpanel').first()).toBeVisible();
    await expect(details.getByText(/panel failed/)).toHaveCount(0);
  }
  expect(errors).toEqual([]);
  // No CDN, fonts or telemetry: everything the app loads comes from its own origin.
  expect(remote).toEqual([]);
});

test('edits a key template inline on the canvas, with completion and in-place errors', async ({ page }) => {
  await openApp(page);
  const canvas = page.getByRole('main', { name: 'Canvas' });
  await outline(page).getByRole('button', { name: /^Entity Comment\b/ }).click();
  await canvas.getByRole('button', { name: 'Edit Comment SK template' }).click();
  const sk = canvas.getByRole('combobox', { name: 'Comment SK template' });
  await expect(sk).toBeFocused();
  await sk.press('End');
  await sk.pressSequentially('#{{');
  await expect(canvas.getByRole('listbox', { name: 'Attributes for Comment SK template' }).getByRole('option', { name: 'userId' })).toBeVisible();
  await sk.press('Escape');
  await expect(sk).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`[id="${await sk.getAttribute('aria-describedby')}"]`)).toContainText('not closed');
  await sk.pressSequentially('userId}}');
  await expect(sk).toHaveAttribute('aria-invalid', 'false');
  await sk.press('Enter');
  const value = await canvas.getByRole('button', { name: 'Edit Comment SK template' }).innerText();
  expect(value).toMatch(/#\{\{userId\}\}$/);
  // The inspector shows the same template, and undo takes the edit back.
  await expect(inspector(page).getByRole('combobox', { name: 'Table SK (S)' })).toHaveValue(value);
  await page.keyboard.press('Control+z');
  await expect(inspector(page).getByRole('combobox', { name: 'Table SK (S)' })).not.toHaveValue(value);
});

test('dragging an entity moves it for good: undoable, autosaved and in the model file', async ({ page }) => {
  await openApp(page);
  const node = page.getByRole('main', { name: 'Canvas' }).getByRole('group', { name: 'Entity Like' });
  await expect(node).toBeVisible();
  // The automatic layout and fit-to-view settle after the first paint; grab the node once it stops moving.
  let box = (await node.boundingBox())!;
  await expect
    .poll(async () => {
      const previous = box;
      box = (await node.boundingBox())!;
      return JSON.stringify(previous) === JSON.stringify(box);
    }, { intervals: [250] })
    .toBe(true);
  await page.mouse.move(box.x + box.width / 2, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + 68, { steps: 8 });
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + 128, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Move entity Like/);

  const exportPosition = async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export model' }).click();
    const model = JSON.parse(await readDownload(await download));
    return model.entities.find((e: { name: string }) => e.name === 'Like').position as { x: number; y: number } | undefined;
  };
  const moved = await exportPosition();
  expect(moved).toBeDefined();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Model name' })).toHaveValue('SocialMediaApp');
  expect(await exportPosition()).toEqual(moved);
  // Undo history is per session; the reloaded page starts a new one.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('opens a built-in example in place of the model, and undo brings the model back', async ({ page }) => {
  await openApp(page);
  await page.getByRole('combobox', { name: 'Open example' }).selectOption({ label: 'Online shop' });
  await expect(page.getByRole('textbox', { name: 'Model name' })).not.toHaveValue('SocialMediaApp');
  await expect(outline(page).getByRole('button', { name: /^Entity Post\b/ })).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Preview summary' })).toContainText('item collections');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('textbox', { name: 'Model name' })).toHaveValue('SocialMediaApp');
  await expect(outline(page).getByRole('button', { name: /^Entity Post\b/ })).toBeVisible();
});

test('works from the keyboard, with the shortcuts listed in a dialog', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Shortcuts' }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /Undo/ })).toContainText('Ctrl+Z');
  await expect(help.getByRole('row', { name: /Delete selection/ })).toContainText('not while typing');
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toHaveCount(0);

  await page.keyboard.press('Alt+Shift+N');
  const name = inspector(page).getByRole('textbox', { name: 'Entity name' });
  await expect(name).toBeFocused();
  await page.keyboard.type('Session');
  await outline(page).getByRole('button', { name: /^Entity Session\b/ }).focus();
  await page.keyboard.press('Control+d');
  await expect(outline(page).getByRole('button', { name: /^Entity SessionCopy\b/ })).toBeVisible();
  await outline(page).getByRole('button', { name: /^Entity SessionCopy\b/ }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await expect(outline(page).getByRole('button', { name: /^Entity SessionCopy\b/ })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(outline(page).getByRole('button', { name: /^Entity SessionCopy\b/ })).toBeVisible();

  const splitter = page.getByRole('separator', { name: 'Resize details panel' });
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  await page.keyboard.press('ArrowUp');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 32));
});
