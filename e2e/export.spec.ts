import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';

// The Export tab as a user works with it: read the CDK stack, switch format and resource,
// download everything as a zip, and import files (a broken one changes nothing).

async function openExport(page: Page) {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('tablist', { name: 'Export format' })).toBeVisible();
}

const codeView = (page: Page) => page.locator('.export-main .view-lines');

test('shows the CDK stack and downloads every export as a zip', async ({ page }) => {
  await openExport(page);
  await expect(page.getByRole('tab', { name: 'AWS CDK (TypeScript)' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('textbox', { name: 'AWS CDK (TypeScript) code' })).toBeAttached();
  // CDK and CloudFormation default to the same resource, and the choice applies to both.
  await expect(codeView(page)).toContainText('new dynamodb.Table(this');
  await expect(codeView(page)).toContainText('SocialMediaApp');
  await expect(page.getByLabel('Table resource')).toHaveValue('table');

  await page.getByRole('tab', { name: 'CloudFormation (YAML)' }).click();
  await expect(codeView(page)).toContainText('Type: AWS::DynamoDB::Table');
  await page.getByLabel('Table resource').selectOption('global-table');
  await expect(codeView(page)).toContainText('Type: AWS::DynamoDB::GlobalTable');
  await page.getByRole('tab', { name: 'AWS CDK (TypeScript)' }).click();
  await expect(codeView(page)).toContainText('new dynamodb.TableV2(this');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download all as zip' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('SocialMediaApp-exports.zip');
  const path = await download.path();
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  expect(Object.keys(files).sort()).toEqual(
    [
      'SocialMediaApp.data.ts',
      'SocialMediaApp.iam-policy.json',
      'SocialMediaApp.md',
      'SocialMediaApp.onetable.json',
      'SocialMediaApp.template.json',
      'SocialMediaApp.template.yaml',
      'SocialMediaApp.workbench.json',
      'SocialMediaAppStack.ts',
    ].sort(),
  );
  const stack = files['SocialMediaAppStack.ts'];
  expect(stack && strFromU8(stack)).toContain('new dynamodb.TableV2(this');
  const yaml = files['SocialMediaApp.template.yaml'];
  expect(yaml && strFromU8(yaml)).toContain('Type: AWS::DynamoDB::GlobalTable');
});

test('scopes the IAM policy to the Region, account and identity the user gives, with notes', async ({ page }) => {
  await openExport(page);
  await page.getByRole('tab', { name: 'IAM policy' }).click();
  await expect(codeView(page)).toContainText('arn:aws:dynamodb:REGION:ACCOUNT_ID:table/SocialMediaApp');
  const notes = page.getByRole('list', { name: 'Notes on this export' });
  await expect(notes).toContainText('Replace REGION and ACCOUNT_ID');
  await page.getByRole('textbox', { name: 'Region', exact: true }).fill('eu-west-1');
  await page.getByRole('textbox', { name: 'Account ID', exact: true }).fill('123456789012');
  await expect(codeView(page)).toContainText('arn:aws:dynamodb:eu-west-1:123456789012:table/SocialMediaApp');
  await page.getByRole('checkbox', { name: 'Per-user access (dynamodb:LeadingKeys)' }).check();
  await page.getByRole('combobox', { name: 'Caller identity' }).selectOption('userid');
  await expect(codeView(page)).toContainText('USER#${aws:userid}');
  // The GSI pattern on a shared partition stays, in its own statement, explained. (The code view
  // shows only the lines in view, so the statement is found through its note.)
  await expect(notes).toContainText('"Get recent posts" (statement GetRecentPostsNotPerUserSharedKey) is allowed for every caller');
  await page.getByRole('textbox', { name: 'Account ID', exact: true }).fill('12');
  await expect(page.getByRole('alert').filter({ hasText: 'This export cannot be made' })).toContainText('"12" is not an AWS account id (12 digits)');
});

test('downloads the shown file', async ({ page }) => {
  await openExport(page);
  await page.getByRole('tab', { name: 'IAM policy' }).click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download SocialMediaApp.iam-policy.json' }).click();
  const download = await downloadPromise;
  const policy = JSON.parse(readFileSync(await download.path(), 'utf8')) as { Statement: { Action: string[] }[] };
  expect(policy.Statement.flatMap((statement) => statement.Action)).toContain('dynamodb:Query');
});

test('imports a OneTable schema through the one Import, and a broken file leaves the design alone', async ({ page }) => {
  await openExport(page);
  const input = page.getByLabel('Import a file');
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ModelName: 'x', ModelMetadata: { Version: '3.0' }, DataModel: [{ TableName: 'T', KeyAttributes: {} }] })),
  });
  // The app's message, not the empty alert regions Monaco adds once its editor has loaded.
  const alert = page.getByLabel('Messages').getByRole('alert');
  await expect(alert).toContainText('"broken.json" could not be imported');
  await expect(alert).toContainText('/DataModel/0/KeyAttributes/PartitionKey');
  await expect(codeView(page)).toContainText('SocialMediaApp');

  await input.setInputFiles({
    name: 'shop.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        indexes: { primary: { hash: 'pk', sort: 'sk' } },
        models: { Customer: { pk: { type: 'string', value: 'CUSTOMER#${id}' }, sk: { type: 'string', value: 'PROFILE' }, id: { type: 'string', generate: 'ulid' } } },
      }),
    ),
  });
  await expect(page.getByText('Imported "shop.json", read as a OneTable schema: table OneTable, 1 entity')).toBeVisible();
  await expect(codeView(page)).toContainText('export class ShopStack extends Stack');
});
