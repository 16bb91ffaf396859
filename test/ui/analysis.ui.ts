// UI test of the analysis panel in the three themes: a timeline of two entities and the network around one.
// Screenshots go to test-results/screenshots/ (analysis-timeline-<theme>.png, analysis-network-<theme>.png).
import * as assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'mocha';
import type { ElementHandle, FrameLocator, Page } from 'playwright-core';
import { launchWorkbench, type WorkbenchSession } from '../harness/launchWorkbench';
import { escapeRegExp, EXTENSION_READY_TIMEOUT_MS, openArticlesView, readerFrame, runCommand, slugify, THEMES, workbenchPage } from './helpers';

/** Picks `name` in the open quick pick of entities. */
async function pickEntity(page: Page, name: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await input.press('Enter');
}

/** Picks `theme` in Preferences: Color Theme. */
async function switchTheme(page: Page, theme: string): Promise<void> {
  // The command by its exact title (Preferences: Browse Color Themes in Marketplace matches it too).
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.fill('>Preferences: Color Theme');
  await page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: /^Preferences: Color Theme$/u }).first().click();
  await page.locator('.quick-input-widget input[placeholder^="Select Color Theme"]').waitFor();
  // The picker names the built-in themes without "Default" (Dark Modern, Dark High Contrast); the row by its whole
  // name, for High Contrast is also the start of High Contrast Light.
  const words = theme.replace(/^Default /u, '');
  await input.fill(words);
  await page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: new RegExp(`^(Default |Dark )?${escapeRegExp(words)}$`, 'u') }).first().waitFor();
  await input.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Waits until the element drawn before is gone (the panel drew itself again). */
async function redrawn(handle: ElementHandle | null): Promise<void> {
  assert.ok(handle);
  const frame = await handle.ownerFrame();
  assert.ok(frame);
  await frame.waitForFunction((node) => !node.isConnected, handle);
}

/** The focus key of the element focused in the panel's document. */
async function focusedKey(panel: FrameLocator): Promise<string> {
  return panel.locator('body').evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('data-focus-key') ?? `${document.activeElement?.tagName ?? 'none'} focused, page focused: ${String(document.hasFocus())}`);
}

for (const { colorTheme, slug } of THEMES) {
  describe(`Analysis panel UI in ${colorTheme}`, () => {
    let session: WorkbenchSession | undefined;

    before(async () => {
      session = await launchWorkbench({ colorTheme, label: `analysis-${slug}` });
    });

    after(async () => {
      await session?.close();
    });

    afterEach(async function () {
      const test = this.currentTest;
      if (test?.state === 'failed' && session) console.log(`      screenshot: ${await session.screenshot(`failed-${slug}-${slugify(test.title)}`)}`);
    });

    it('draws a timeline of two entities with its table, and lists a month by keyboard', async () => {
      const page = workbenchPage(session);
      await openArticlesView(page);
      // The entities are indexed once the Entities view lists them.
      await page.locator('.sidebar').getByRole('treeitem', { name: /^Vladimir Putin, Person/ }).waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
      await runCommand(page, 'Annotated Reader: Show Timeline');
      await pickEntity(page, 'Vladimir Putin');
      const panel = readerFrame(page);
      await panel.locator('.chips', { hasText: 'Vladimir Putin' }).waitFor();
      await panel.getByRole('button', { name: 'Add Entity…' }).click();
      await pickEntity(page, 'Emmanuel Macron');
      await panel.locator('.chips', { hasText: 'Emmanuel Macron' }).waitFor();
      const rows = panel.locator('table tbody tr');
      await rows.first().waitFor();
      assert.ok((await rows.count()) >= 2);
      assert.equal(await panel.locator('table caption').innerText(), 'Mentions per month: Vladimir Putin, Emmanuel Macron');
      assert.equal(await panel.locator('thead th[scope="col"]').count(), 5);
      // Keyboard: Tab reaches the chart, the arrows move along the bars, Enter lists that month's articles.
      const canvas = panel.locator('.chart canvas');
      await canvas.focus();
      await canvas.press('End');
      await canvas.press('Enter');
      await panel.locator('.list h2', { hasText: 'Vladimir Putin in February 2022' }).waitFor();
      assert.ok((await panel.locator('.list .article-link').count()) >= 1);
      await page.mouse.move(0, 0);
      await session?.screenshot(`analysis-timeline-${slug}`);
    });

    it('draws the network around an entity with its table, and lists an edge from the table', async () => {
      const page = workbenchPage(session);
      const panel = readerFrame(page);
      await panel.getByRole('button', { name: 'Network' }).click();
      await panel.locator('.network canvas').first().waitFor();
      const caption = panel.locator('table caption');
      await caption.filter({ hasText: 'Named with Vladimir Putin' }).waitFor();
      const first = panel.locator('table tbody tr').first();
      const name = (await first.locator('th').innerText()).trim();
      await first.getByRole('button').click();
      await panel.locator('.list h2', { hasText: `Vladimir Putin and ${name}` }).waitFor();
      await panel.locator('.network').focus();
      await panel.locator('body').evaluate(() => window.scrollTo(0, 0));
      await page.mouse.move(0, 0);
      await session?.screenshot(`analysis-network-${slug}`);
    });

    it('keeps keyboard focus on the same table row and the same tie when the theme changes and the panel is drawn again', async () => {
      const page = workbenchPage(session);
      const panel = readerFrame(page);
      const other = THEMES.find((theme) => theme.colorTheme !== colorTheme)?.colorTheme ?? colorTheme;
      // A row's List button (the second row, so that the top of the page is not where it would land anyway).
      const button = panel.locator('table tbody tr').nth(1).getByRole('button');
      await button.focus();
      const key = await button.getAttribute('data-focus-key');
      assert.ok(key?.startsWith('row:edge:'));
      const drawnBefore = await button.elementHandle();
      await switchTheme(page, other);
      await redrawn(drawnBefore);
      assert.equal(await focusedKey(panel), key, 'the same row keeps focus after the redraw');
      // The network: the arrow keys on the second tie, the theme back, and the same tie is still the focused one.
      const network = panel.locator('.network');
      await network.focus();
      await network.press('ArrowRight');
      const announced = await panel.locator('[role="status"][aria-live="polite"]').innerText();
      const networkBefore = await network.elementHandle();
      await switchTheme(page, colorTheme);
      await redrawn(networkBefore);
      assert.equal(await focusedKey(panel), 'network');
      assert.equal(await panel.locator('[role="status"][aria-live="polite"]').innerText(), announced, 'the keys are on the same tie');
    });
  });
}
