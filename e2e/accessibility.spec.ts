import { expect, test, type Page } from '@playwright/test';

// Every control has an accessible name, as Chromium itself computes it (the accessibility
// tree over CDP), on every panel a user can open — so tests and screen readers can find it.

const CONTROL_ROLES = new Set([
  'button',
  'checkbox',
  'combobox',
  'link',
  'listbox',
  'menuitem',
  'radio',
  'searchbox',
  'slider',
  'spinbutton',
  'switch',
  'tab',
  'textbox',
]);

interface AXNode {
  ignored: boolean;
  role?: { value?: string };
  name?: { value?: string };
  properties?: { name: string; value: { value?: unknown } }[];
  backendDOMNodeId?: number;
}

async function unnamedControls(page: Page): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    const unnamed: string[] = [];
    for (const node of nodes) {
      const role = node.role?.value;
      if (node.ignored || role === undefined || !CONTROL_ROLES.has(role)) continue;
      const hidden = node.properties?.some((p) => p.name === 'hidden' && p.value.value === true);
      if (hidden) continue;
      if (String(node.name?.value ?? '').trim() !== '') continue;
      const { object } = await session.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId });
      const { result } = await session.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: 'function () { return this.outerHTML.slice(0, 160); }',
        returnByValue: true,
      });
      unnamed.push(`${role}: ${String(result.value)}`);
    }
    return unnamed;
  } finally {
    await session.detach();
  }
}

async function expectAllNamed(page: Page, where: string) {
  expect(await unnamedControls(page), `controls without an accessible name on ${where}`).toEqual([]);
}

test('every control on every panel has an accessible name', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'Model name' })).toHaveValue('SocialMediaApp');
  await expectAllNamed(page, 'the start page (preview tab)');

  const outline = page.getByRole('navigation', { name: 'Model outline' });
  await outline.getByRole('button', { name: /^Entity Post\b/ }).click();
  await expectAllNamed(page, 'the entity inspector');
  await outline.getByRole('button', { name: /^GSI GSI3\b/ }).click();
  await expectAllNamed(page, 'the index inspector');
  await outline.getByRole('button', { name: /SocialMediaApp/ }).first().click();
  await expectAllNamed(page, 'the table inspector');

  for (const tab of ['Access patterns', 'Cost', 'Production', 'Streams', 'Export', 'Connect', 'Problems']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await expectAllNamed(page, `the ${tab} tab`);
  }
});

test('every control has an accessible name in the dialogs, the item detail, the LSI inspector and the access-pattern views', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'Model name' })).toHaveValue('SocialMediaApp');

  await page.getByRole('list', { name: 'Items in Table SocialMediaApp' }).getByRole('button').first().click();
  await expect(page.getByLabel('Item as DynamoDB JSON')).toBeVisible();
  await expectAllNamed(page, 'the item detail');

  await page.getByRole('button', { name: 'Share link' }).click();
  const share = page.getByRole('dialog', { name: 'Share link' });
  await expect(share.getByRole('textbox', { name: 'Link to this model' })).toHaveValue(/#model=/);
  await expectAllNamed(page, 'the Share link dialog');
  await share.getByRole('button', { name: 'Close' }).click();
  await expect(share).toHaveCount(0);

  await page.getByRole('button', { name: 'Shortcuts' }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /Undo/ })).toBeVisible();
  await expectAllNamed(page, 'the Shortcuts dialog');
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toHaveCount(0);

  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Add LSI' }).click();
  await expect(page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: /^Local secondary index/ })).toBeVisible();
  await expectAllNamed(page, 'the LSI inspector');

  await page.getByRole('navigation', { name: 'Model outline' }).getByRole('button', { name: /^GSI GSI1\b/ }).click();
  await page.getByRole('button', { name: 'Set index capacity' }).click();
  await page.getByRole('checkbox', { name: 'Read auto-scaling' }).check();
  await expect(page.getByRole('spinbutton', { name: 'Read maximum capacity' })).toBeVisible();
  await expectAllNamed(page, "a GSI's capacity and auto-scaling");

  await page.getByRole('tab', { name: 'Access patterns' }).click();
  await page.getByRole('list', { name: 'Access patterns' }).getByRole('button', { name: /Get user profile/ }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const results = page.getByRole('region', { name: 'Run results' });
  await expect(results.getByRole('table', { name: 'Result items' })).toBeVisible();
  await expectAllNamed(page, "a pattern run's results (table view)");
  await results.getByRole('group', { name: 'Result view' }).getByRole('button', { name: 'JSON' }).click();
  await expect(results.getByLabel('Result JSON')).toBeVisible();
  await expectAllNamed(page, "a pattern run's results (JSON view)");

  await page.getByRole('list', { name: 'Access patterns' }).getByRole('button', { name: /Get a user's posts/ }).click();
  await page.getByRole('button', { name: 'Add filter condition' }).click();
  await expect(page.getByRole('textbox', { name: 'Filter 1 attribute' })).toBeVisible();
  await expectAllNamed(page, 'a Query pattern with a filter condition');

  await page.getByRole('group', { name: 'Edit request as' }).getByRole('button', { name: 'JSON' }).click();
  await expect(page.getByRole('textbox', { name: 'Request JSON' })).toBeAttached();
  await expectAllNamed(page, 'the JSON request editor');

  await page.getByRole('button', { name: 'Chart' }).click();
  await expect(page.getByRole('region', { name: 'Access-pattern chart' }).getByRole('row', { name: /Get user profile/ })).toBeVisible();
  await expectAllNamed(page, 'the access-pattern chart');
});
