// UI test of the analysis panel in the three themes: a timeline of two entities and the network around one.
// Screenshots go to test-results/screenshots/ (analysis-timeline-<theme>.png, analysis-network-<theme>.png).
import * as assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'mocha';
import type { Page } from 'playwright-core';
import { launchWorkbench, type WorkbenchSession } from '../harness/launchWorkbench';
import { EXTENSION_READY_TIMEOUT_MS, openArticlesView, readerFrame, runCommand, slugify, THEMES, workbenchPage } from './helpers';

/** Picks `name` in the open quick pick of entities. */
async function pickEntity(page: Page, name: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await input.press('Enter');
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
  });
}
