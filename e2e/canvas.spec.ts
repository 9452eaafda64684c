import { expect, test, type Page } from '@playwright/test';
import { addEntity } from '../src/model/commands';
import { defaultModel } from '../src/model/examples';

// The canvas and editing at a laptop's size, driven as a person drives it: by role and name,
// and from the keyboard where the flow says so.

const outline = (page: Page) => page.getByRole('navigation', { name: 'Model outline' });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const canvasNodes = (page: Page) => page.locator('.react-flow__node');

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'Model name' })).toHaveValue('SocialMediaApp');
}

type Box = { x: number; y: number; width: number; height: number };
const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every canvas node's box on screen, by its accessible name. */
async function nodeBoxes(page: Page): Promise<{ name: string; box: Box }[]> {
  return canvasNodes(page).evaluateAll((nodes) =>
    nodes.map((node) => {
      const r = node.getBoundingClientRect();
      return { name: node.getAttribute('aria-label') ?? '', box: { x: r.x, y: r.y, width: r.width, height: r.height } };
    }),
  );
}

async function overlappingPairs(page: Page): Promise<string[]> {
  const boxes = await nodeBoxes(page);
  const pairs: string[] = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => intersects(a.box, b.box) && pairs.push(`${a.name} / ${b.name}`)));
  return pairs;
}

/** The rendered size of the smallest entity name: its font size times the canvas zoom. */
function smallestEntityName(page: Page): Promise<number> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport');
    const zoom = viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : 0;
    return Math.min(...[...document.querySelectorAll('.react-flow__node-entity .node-title')].map((title) => parseFloat(getComputedStyle(title).fontSize) * zoom));
  });
}

test('the default view at 1280×720 shows every entity name readably, clear of the minimap, with half the height for the canvas', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const entities = page.locator('.react-flow__node-entity');
  await expect(entities).toHaveCount(7);

  await expect.poll(() => smallestEntityName(page), { message: 'smallest entity name in px' }).toBeGreaterThanOrEqual(12);

  const pane = (await page.locator('.react-flow').boundingBox()) as Box;
  const minimap = (await page.getByLabel('Canvas minimap').boundingBox()) as Box;
  const misplaced = async () =>
    (await nodeBoxes(page)).flatMap(({ name, box }) => {
      const inView = box.x >= pane.x - 1 && box.y >= pane.y - 1 && box.x + box.width <= pane.x + pane.width + 1 && box.y + box.height <= pane.y + pane.height + 1;
      return [...(inView ? [] : [`${name} out of view`]), ...(intersects(box, minimap) ? [`${name} under the minimap`] : [])];
    });
  await expect.poll(misplaced, { message: 'nodes out of view or under the minimap' }).toEqual([]);
  expect(await smallestEntityName(page)).toBeGreaterThanOrEqual(12);
  expect(await overlappingPairs(page)).toEqual([]);
  const canvas = (await page.getByRole('main', { name: 'Canvas' }).boundingBox()) as Box;
  expect(canvas.height).toBeGreaterThanOrEqual(360);

  // A long name is cut short on the node and given whole on hover.
  await outline(page).getByRole('button', { name: /^Entity Post\b/ }).click();
  const longName = 'PostWithAVeryLongNameThatCannotFitOnTheCanvasNode';
  await inspector(page).getByRole('textbox', { name: 'Entity name' }).fill(longName);
  const title = page.locator('.react-flow__node-entity .node-title', { hasText: longName });
  await expect(title).toHaveAttribute('title', longName);
  expect(await title.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
});

test('a 40-entity import is laid out without overlaps, grouped rather than in one column', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  let model = defaultModel();
  for (let i = 0; i < 33; i++) model = addEntity(model, { name: `Imported${i}` });
  model = { ...model, name: 'Forty entities' };
  await page.getByLabel('Import a file').setInputFiles({ name: 'forty.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
  await expect(page.getByRole('textbox', { name: 'Model name' })).toHaveValue('Forty entities');
  await expect(page.locator('.react-flow__node-entity')).toHaveCount(40);
  await expect.poll(() => overlappingPairs(page), { message: 'overlapping nodes' }).toEqual([]);
  // Zoomed out this far, nodes show their names and keys, not their attribute lists.
  await expect(page.locator('.react-flow__node-entity .node-attributes').first()).toBeHidden();
  const boxes = (await nodeBoxes(page)).map((n) => n.box);
  const width = Math.max(...boxes.map((b) => b.x + b.width)) - Math.min(...boxes.map((b) => b.x));
  const height = Math.max(...boxes.map((b) => b.y + b.height)) - Math.min(...boxes.map((b) => b.y));
  expect(width / height, 'the layout is wider than tall, like the canvas').toBeGreaterThan(1);

  // A new entity goes where there is room, not onto one of the forty.
  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Add entity' }).click();
  await expect(page.locator('.react-flow__node-entity')).toHaveCount(41);
  await expect.poll(() => overlappingPairs(page), { message: 'overlapping nodes' }).toEqual([]);
});

test('fifteen entities still fit at 1280×720 with names of 12 px or more', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  let model = defaultModel();
  for (let i = 0; i < 8; i++) model = addEntity(model, { name: `Extra${i}` });
  await page.getByLabel('Import a file').setInputFiles({ name: 'fifteen.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...model, name: 'Fifteen' })) });
  await expect(page.locator('.react-flow__node-entity')).toHaveCount(15);
  await expect.poll(() => overlappingPairs(page), { message: 'overlapping nodes' }).toEqual([]);
  await expect.poll(() => smallestEntityName(page), { message: 'smallest entity name in px' }).toBeGreaterThanOrEqual(12);
});

test('attributes are edited as a grid from the keyboard alone', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await outline(page).getByRole('button', { name: /^Entity Post\b/ }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+Shift+T');
  const first = inspector(page).getByRole('textbox', { name: 'Name of newAttribute' });
  await expect(first, 'a new attribute is not named with a reserved word, and its name has focus').toBeFocused();
  await page.keyboard.type('mood');
  await page.keyboard.press('Enter');
  const second = inspector(page).getByRole('textbox', { name: 'Name of newAttribute' });
  await expect(second).toBeFocused();
  await page.keyboard.type('score');
  await page.keyboard.press('Tab');
  await expect(inspector(page).getByRole('combobox', { name: 'Type of score' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(inspector(page).getByRole('combobox', { name: 'Type of score' })).toHaveValue('N');
  await page.keyboard.press('Tab');
  await expect(inspector(page).getByRole('checkbox', { name: 'score is required' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(inspector(page).getByRole('checkbox', { name: 'score is required' })).toBeChecked();

  await page.evaluate(() => navigator.clipboard.writeText('rating\tN\nreviewer\nreviewedAt\tS\n'));
  await inspector(page).getByRole('textbox', { name: 'Name of score' }).focus();
  await page.keyboard.press('Control+v');
  for (const name of ['rating', 'reviewer', 'reviewedAt']) await expect(inspector(page).getByRole('group', { name: `Attribute ${name}` })).toBeVisible();
  await expect(inspector(page).getByRole('combobox', { name: 'Type of rating' })).toHaveValue('N');
  await expect(inspector(page).getByRole('textbox', { name: 'Name of reviewedAt' })).toBeFocused();
  await expect(inspector(page).getByRole('textbox', { name: 'Name of score' })).toHaveValue('score');
  // The canvas node follows.
  await expect(page.locator('.react-flow__node-entity', { hasText: 'reviewedAt' })).toHaveCount(1);
});

test('the command palette lists commands with their shortcuts and runs "Add entity"', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('combobox', { name: 'Command' })).toBeFocused();
  await expect(palette.getByRole('option', { name: /Fit to view\s*Shift\+1/ })).toBeVisible();
  await page.keyboard.type('add ent');
  await expect(palette.getByRole('option').first()).toHaveAccessibleName(/^Add entity/);
  await expect(palette.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(outline(page).getByRole('button', { name: /^Entity Entity\b/ })).toBeVisible();
  await expect(inspector(page).getByRole('textbox', { name: 'Entity name' })).toBeFocused();

  // The details tabs have shortcuts too.
  await page.getByRole('main', { name: 'Canvas' }).click({ position: { x: 5, y: 60 } });
  await page.keyboard.press('Alt+Shift+6');
  await expect(page.getByRole('tab', { name: 'Export' })).toHaveAttribute('aria-selected', 'true');
});

test('no page-level horizontal scroll at 1024×768; the splitters keep the sizes they are given', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openApp(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  const splitter = page.getByRole('separator', { name: 'Resize inspector' });
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 32));
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Resize inspector' })).toHaveAttribute('aria-valuenow', String(before + 32));
});

test('Monaco is fetched only when an editor is opened', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await openApp(page);
  await expect(page.locator('.react-flow__node-entity')).toHaveCount(7);
  const monaco = /CodeEditor|editor\.api|editor\.worker|monaco/i;
  expect(requested.filter((url) => monaco.test(url))).toEqual([]);
  await page.getByRole('tab', { name: 'Export' }).click();
  await expect(page.locator('.monaco-editor').first()).toBeVisible();
  expect(requested.some((url) => monaco.test(url))).toBe(true);
  expect(requested.filter((url) => /(css|html)\.worker/.test(url))).toEqual([]);
});

test('the preview list is one tab stop, walked with the arrow keys', async ({ page }) => {
  await openApp(page);
  const items = page.getByRole('list', { name: 'Items in Table SocialMediaApp' });
  await items.getByRole('button').first().click();
  await expect(items.getByRole('button').first()).toBeFocused();
  const firstName = await items.getByRole('button').first().getAttribute('aria-label');
  await page.keyboard.press('ArrowDown');
  const focused = page.locator(':focus');
  await expect(focused).not.toHaveAttribute('aria-label', firstName ?? '');
  await expect(items.getByRole('button')).not.toHaveCount(0);
  const tabbable = await items.evaluate((list) => [...list.querySelectorAll('button')].filter((b) => b.tabIndex >= 0).length);
  expect(tabbable).toBe(1);
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).not.toHaveAttribute('data-row');
  expect(await page.evaluate(() => document.activeElement?.closest('[role="list"]')?.getAttribute('aria-label') ?? null)).toBeNull();
});

test('Ctrl+Enter runs the selected access pattern; Delete pattern is away from Run', async ({ page }) => {
  await openApp(page);
  await page.locator('body').press('Alt+Shift+2');
  await expect(page.getByRole('tab', { name: 'Access patterns' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('list', { name: 'Access patterns' }).getByRole('button', { name: /Get user profile/ }).click();
  await page.getByRole('textbox', { name: 'Pattern name' }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('region', { name: 'Run results' })).toContainText('RCU');
  const run = (await page.getByRole('button', { name: 'Run', exact: true }).boundingBox()) as Box;
  const remove = (await page.getByRole('button', { name: 'Delete pattern' }).boundingBox()) as Box;
  expect(remove.y - (run.y + run.height), 'Delete pattern sits well below Run').toBeGreaterThan(40);
});

test('focus goes to what a command creates, and canvas nodes and edges show a focus ring', async ({ page }) => {
  await openApp(page);
  await page.locator('body').press('Alt+Shift+G');
  await expect(inspector(page).getByRole('textbox', { name: 'Index name' })).toBeFocused();
  await page.keyboard.press('Escape');
  const node = page.locator('.react-flow__node-entity').first();
  await node.focus();
  await expect(node.locator('.node')).toHaveCSS('outline-style', 'solid');
  const edge = page.locator('.react-flow__edge').first();
  await edge.focus();
  await expect(edge.locator('.react-flow__edge-path')).toHaveCSS('stroke-width', '4px');

  await page.getByRole('tab', { name: 'Access patterns' }).click();
  await page.getByRole('button', { name: 'New pattern' }).click();
  await expect(page.getByRole('textbox', { name: 'Pattern name' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Pattern name' })).toHaveValue(/^New access pattern/);
});

test('after a reload the saved layout comes back whole: in view, indexes beside their writers, nothing overlapping', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Auto layout' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await page.reload();
  await expect(page.locator('.react-flow__node-entity')).toHaveCount(7);
  await expect.poll(() => overlappingPairs(page), { message: 'overlapping nodes' }).toEqual([]);
  const pane = (await page.locator('.react-flow').boundingBox()) as Box;
  const outOfView = async () => (await nodeBoxes(page)).filter(({ box }) => box.x < pane.x - 1 || box.y < pane.y - 1 || box.x + box.width > pane.x + pane.width + 1 || box.y + box.height > pane.y + pane.height + 1).map((n) => n.name);
  await expect.poll(outOfView, { message: 'nodes out of view' }).toEqual([]);
  // GSI3 is written by PostMetadata only: it sits next to it rather than anywhere.
  const boxes = new Map((await nodeBoxes(page)).map((n) => [n.name, n.box]));
  const gsi = boxes.get('GSI GSI3') as Box;
  const writer = boxes.get('Entity PostMetadata') as Box;
  const gap = Math.hypot(gsi.x - (writer.x + writer.width), gsi.y - writer.y);
  expect(gap, 'distance from its writer in px').toBeLessThan(pane.width / 3);
});
