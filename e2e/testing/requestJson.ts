import { expect, type Page } from '@playwright/test';

/** Switches the open pattern to its JSON editor and replaces the request with `text`, as typed. */
export async function typeRequestJson(page: Page, text: string): Promise<void> {
  await page.getByRole('group', { name: 'Edit request as' }).getByRole('button', { name: 'JSON' }).click();
  const editor = page.getByRole('textbox', { name: 'Request JSON' });
  await expect(editor).toBeAttached();
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}
