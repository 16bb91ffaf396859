// UI test: the Search Corpus quick pick says plainly that a query of operators only has no words to search for.
import * as assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'mocha';
import { launchWorkbench, type WorkbenchSession } from '../harness/launchWorkbench';

const EXTENSION_READY_TIMEOUT_MS = 60_000;

describe('Search Corpus with a query of operators only', () => {
  let session: WorkbenchSession | undefined;

  before(async () => {
    session = await launchWorkbench({ colorTheme: 'Default Dark Modern', label: 'search-input' });
  });

  after(async () => {
    await session?.close();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) console.log(`      screenshot: ${await session.screenshot('failed-search-operators-only')}`);
  });

  it('shows one row saying "@(" has no words to search for, and no result', async () => {
    assert.ok(session);
    const page = session.page;
    // The extension activates with its view; its articles are listed once the corpus is read.
    await page.locator('.activitybar [aria-label^="Annotated Reader"]').first().click({ timeout: EXTENSION_READY_TIMEOUT_MS });
    // In the Articles tree (the Quotes view has months too).
    await page.locator('.sidebar').getByRole('tree', { name: /^Articles/ }).getByRole('treeitem', { name: /^February 2022/ }).waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
    await page.keyboard.press('Control+Alt+Shift+F');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('@(');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'has no words to search for' }).waitFor();
    const texts = await rows.allInnerTexts();
    assert.equal(texts.length, 1, texts.join(' | '));
    assert.match(texts[0], /"@\(" has no words to search for[\s\S]*Give a word, a "phrase", @name, type:person or date:2022-01/);
    await session.screenshot('search-operators-only');
    await page.keyboard.press('Escape');
  });
});
