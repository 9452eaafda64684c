import { expect, test, type Page } from '@playwright/test';
import { typeRequestJson } from './testing/requestJson';

// Checks that catch a user's mistakes before Run: a typo in a filter, request JSON that does
// not parse, and patterns left broken by deleting their entity.

const patternList = (page: Page) => page.getByRole('list', { name: 'Access patterns' });
const checks = (page: Page) => page.getByRole('list', { name: 'Checks' });
const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });
const results = (page: Page) => page.getByRole('region', { name: 'Run results' });

async function openPattern(page: Page, name: string) {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Access patterns' }).click();
  await patternList(page).getByRole('button', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await expect(page.getByRole('textbox', { name: 'Pattern name' })).toHaveValue(name);
}

test('warns about a filter on a mistyped attribute, with the name it means, before anything runs', async ({ page }) => {
  await openPattern(page, 'Get recent posts');
  await expect(checks(page)).not.toContainText('no entity defines');
  await page.getByRole('button', { name: 'Add filter condition' }).click();
  await page.getByRole('textbox', { name: 'Filter 1 attribute' }).fill('stauts');
  await page.getByRole('textbox', { name: 'Filter 1 value' }).fill('ACTIVE');
  const warning = checks(page).getByRole('listitem').filter({ hasText: 'stauts' });
  await expect(warning).toContainText('Warning');
  await expect(warning).toContainText('FilterExpression names stauts, which no entity defines');
  await expect(warning).toContainText('did you mean status?');
  await expect(patternList(page).getByRole('button', { name: /Get recent posts/ })).toContainText('Warning');
  // Nothing has run: the warning came from the checks alone.
  await expect(results(page)).toHaveCount(0);

  await page.getByRole('textbox', { name: 'Filter 1 attribute' }).fill('status');
  await expect(checks(page)).not.toContainText('stauts');
});

test('turns Run off while the request JSON does not parse, saying the line and column', async ({ page }) => {
  await openPattern(page, 'Get user profile');
  // One line (the editor indents new lines as it likes), lacking the comma before "SK".
  const broken = '{"Key": {"PK": {"S": "USER#{{userId}}"} "SK": {"S": "PROFILE"}}}';
  await typeRequestJson(page, broken);
  await expect(runButton(page)).toBeDisabled();
  const reason = `The request JSON does not parse at line 1, column ${broken.indexOf('"SK"') + 1}`;
  await expect(page.getByText(`Run is off: ${reason}`)).toBeVisible();
  await expect(runButton(page)).toHaveAccessibleDescription(`Run is off: ${reason}`);

  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('{"Key": {"PK": {"S": "USER#{{userId}}"}, "SK": {"S": "PROFILE"}}}');
  await expect(runButton(page)).toBeEnabled();
  await runButton(page).click();
  await expect(results(page)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Result items' }).locator('tbody tr')).toHaveCount(1);
});

test('turns Run off for a placeholder with no value, until one is typed', async ({ page }) => {
  await openPattern(page, 'Get user profile');
  await page.getByRole('textbox', { name: 'PK value' }).fill('USER#{{custmerId}}');
  await expect(checks(page)).toContainText('{{custmerId}} has no value');
  await expect(runButton(page)).toBeDisabled();
  await page.getByRole('textbox', { name: 'custmerId', exact: true }).fill('nobody');
  await expect(runButton(page)).toBeEnabled();
  await expect(checks(page)).not.toContainText('has no value');
});

test('lists a pattern whose entity was deleted in Problems, and opens it from there', async ({ page }) => {
  await page.goto('/');
  const problems = page.getByRole('list', { name: 'Problems' });
  await page.getByRole('tab', { name: /^Problems/ }).click();
  await expect(problems).not.toContainText('Get likes for a post');

  await page.getByRole('navigation', { name: 'Model outline' }).getByRole('button', { name: /^Entity Like\b/ }).click();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('navigation', { name: 'Model outline' }).getByRole('button', { name: /^Entity Like\b/ })).toHaveCount(0);

  const broken = problems.getByRole('listitem').filter({ hasText: 'access pattern "Get likes for a post"' });
  await expect(broken).toContainText("Matches no entity's key templates: it returns nothing");
  await expect(broken).toContainText('warning');
  await broken.getByRole('button', { name: 'Pattern Get likes for a post' }).click();
  await expect(page.getByRole('tab', { name: 'Access patterns' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Access patterns' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Pattern name' })).toHaveValue('Get likes for a post');
});
