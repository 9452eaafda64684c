import { expect, test, type Locator, type Page } from '@playwright/test';

// The Cost tab: a request rate and an item count turn into the monthly figures DynamoDB would
// bill, worked out here by hand from what the tab shows per call and per item; bad input is
// refused next to its field.

const SECONDS_PER_MONTH = 730 * 3600;
const usd = (amount: number) => `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const whole = (count: number) => Math.round(count).toLocaleString('en-US');

async function openCost(page: Page) {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Cost' }).click();
  await expect(page.getByRole('table', { name: 'Access pattern costs' })).toBeVisible();
}

function row(page: Page, table: string, header: string): Locator {
  return page.getByRole('table', { name: table }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: header, exact: true }) });
}

/** The number at the start of a cell such as "0.5 RCU" or "212.34 B". */
async function leadingNumber(cell: Locator): Promise<number> {
  const text = (await cell.textContent()) ?? '';
  const value = Number(text.replace(/,/g, '').split(' ')[0]);
  expect(Number.isFinite(value), `a number in "${text}"`).toBe(true);
  return value;
}

test('a request rate gives the read units and on-demand cost per month', async ({ page }) => {
  await openCost(page);
  const pattern = row(page, 'Access pattern costs', 'Get user profile');
  // Cells after the row header: operation, rate, items per call, RCU per call, WCU per call, RRU/month, WRU/month, $/month.
  const cells = pattern.getByRole('cell');
  await expect(cells.nth(5)).toHaveText('0 RRU');
  const rcuPerCall = await leadingNumber(cells.nth(3));
  expect(rcuPerCall).toBeGreaterThan(0);

  await page.getByRole('textbox', { name: 'Requests per second for Get user profile' }).fill('10');
  const readUnits = rcuPerCall * 10 * SECONDS_PER_MONTH;
  const onDemand = (readUnits / 1e6) * 0.125;
  await expect(cells.nth(5)).toHaveText(`${whole(readUnits)} RRU`);
  await expect(cells.nth(7)).toHaveText(usd(onDemand));
  await expect(row(page, 'Monthly cost', 'Throughput').getByRole('cell').first()).toHaveText(usd(onDemand));
  await expect(page.getByRole('columnheader', { name: 'On-demand (cheaper)' })).toBeVisible();

  // A steady 1,000 requests a second is cheaper on provisioned capacity.
  await page.getByRole('textbox', { name: 'Requests per second for Get user profile' }).fill('1000');
  await expect(page.getByRole('columnheader', { name: 'Provisioned (cheaper)' })).toBeVisible();

  await page.reload();
  await page.getByRole('tab', { name: 'Cost' }).click();
  await expect(page.getByRole('textbox', { name: 'Requests per second for Get user profile' })).toHaveValue('1000');
});

test('an expected item count gives the table storage and its cost', async ({ page }) => {
  await openCost(page);
  const counts = page.getByRole('table', { name: 'Expected items' }).getByRole('textbox');
  for (const field of await counts.all()) await field.fill('0');
  await page.getByRole('textbox', { name: 'Expected items for UserProfile' }).fill('10000000');

  const averageSize = await leadingNumber(row(page, 'Expected items', 'UserProfile').getByRole('cell').nth(1));
  const gb = (10_000_000 * (averageSize + 100)) / 1024 ** 3;
  const table = row(page, 'Storage', 'Table SocialMediaApp').getByRole('cell');
  await expect(table.nth(0)).toHaveText('10,000,000');
  await expect(table.nth(1)).toHaveText(`${gb.toFixed(2)} GB`);
  await expect(table.nth(2)).toHaveText(usd(gb * 0.25));
});

test('an invalid rate is refused next to its field and not counted', async ({ page }) => {
  await openCost(page);
  const rate = page.getByRole('textbox', { name: 'Requests per second for Get user profile' });
  await rate.fill('-5');
  await expect(rate).toHaveAttribute('aria-invalid', 'true');
  await expect(rate).toHaveAccessibleDescription('Requests per second cannot be negative');
  await expect(row(page, 'Access pattern costs', 'Get user profile').getByRole('cell').nth(5)).toHaveText('0 RRU');

  await rate.fill('');
  await expect(rate).toHaveAccessibleDescription('Requests per second is required');
  await rate.fill('2');
  await expect(rate).toHaveAttribute('aria-invalid', 'false');

  const utilisation = page.getByRole('textbox', { name: 'Target utilisation (%)' });
  await utilisation.fill('0');
  await expect(utilisation).toHaveAccessibleDescription('Target utilisation must be more than 0');
});

test('items per call default from the expected counts and change the read units', async ({ page }) => {
  await openCost(page);
  await page.getByRole('textbox', { name: 'Expected items for UserProfile' }).fill('1000');
  await page.getByRole('textbox', { name: 'Expected items for Post', exact: true }).fill('20000');
  // A user's posts: 20,000 posts over 1,000 users is 20 per partition, not what the samples hold.
  const items = page.getByRole('textbox', { name: "Items per call for Get a user's posts" });
  await expect(items).toHaveValue('20');
  const rcu = row(page, 'Access pattern costs', "Get a user's posts").getByRole('cell').nth(3);
  const twenty = await leadingNumber(rcu);
  await items.fill('1');
  await expect(rcu).toHaveText('0.5 RCU');
  expect(twenty).toBeGreaterThan(0.5);
});

test('traffic moves the charts: cost by component, and cost against traffic with the crossover', async ({ page }) => {
  await openCost(page);
  await expect(page.getByText('Enter requests per second for a pattern to see cost against traffic.')).toBeVisible();
  const components = page.getByRole('img', { name: /^Monthly cost by component/ });
  const before = await components.getAttribute('aria-label');

  await page.getByRole('textbox', { name: 'Requests per second for Get user profile' }).fill('50');
  await expect(components).not.toHaveAttribute('aria-label', before ?? '');
  const curve = page.getByRole('img', { name: /^Cost against traffic: provisioned becomes cheaper than on-demand above [\d,]+ requests per second; you entered 50$/ });
  await expect(curve).toBeVisible();
  const crossover = Number(((await curve.getAttribute('aria-label')) ?? '').match(/above ([\d,]+)/)?.[1]?.replace(/,/g, ''));

  // Provisioned capacity is sized for the peak: at twice the average the crossover moves up; at
  // three times (4.3 RCU provisioned per RCU used, at 70% utilisation) on-demand stays cheaper.
  await page.getByRole('textbox', { name: 'Peak-to-average factor' }).fill('2');
  await expect(async () => {
    const label = (await page.getByRole('img', { name: /^Cost against traffic/ }).getAttribute('aria-label')) ?? '';
    expect(Number(label.match(/above ([\d,]+)/)?.[1]?.replace(/,/g, ''))).toBeGreaterThan(crossover);
  }).toPass();
  await page.getByRole('textbox', { name: 'Peak-to-average factor' }).fill('3');
  await expect(page.getByRole('img', { name: /^Cost against traffic up to [\d,]+ requests per second: on-demand stays cheaper$/ })).toBeVisible();
});
