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

  for (const tab of ['Access patterns', 'Export', 'Problems']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await expectAllNamed(page, `the ${tab} tab`);
  }
});
