// UI test of the Quotes view in the three themes: a person's quotes from Show Quotes, a quote opened in the reader by
// keyboard, and the reader's speaker label asking for a speaker's quotes by mouse and by keyboard.
// Screenshots go to test-results/screenshots/ (quotes-view-<theme>.png, quotes-reader-<theme>.png).
import * as assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'mocha';
import { launchWorkbench, type WorkbenchSession } from '../harness/launchWorkbench';
import { EXTENSION_READY_TIMEOUT_MS, openArticlesView, readerFrame, runCommand, slugify, THEMES, widenSideBar, workbenchPage } from './helpers';

for (const { colorTheme, slug } of THEMES) {
describe(`Quotes view UI in ${colorTheme}`, () => {
  let session: WorkbenchSession | undefined;

  before(async () => {
    session = await launchWorkbench({ colorTheme, label: `quotes-${slug}` });
  });

  after(async () => {
    await session?.close();
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && session) console.log(`      screenshot: ${await session.screenshot(`failed-${slug}-${slugify(test.title)}`)}`);
  });

  it("lists a person's quotes by month, and opens one in the reader with the keyboard", async () => {
    const page = workbenchPage(session);
    await openArticlesView(page);
    await widenSideBar(page, 560);
    // The quotes are indexed once the Entities view lists the names.
    await page.locator('.sidebar').getByRole('treeitem', { name: /^Jens Stoltenberg, Person/ }).waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
    await runCommand(page, 'Annotated Reader: Show Quotes');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('stolten');
    // The pick's own list, narrowed by the folded name: Stoltenberg alone (before, every speaker is listed).
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Jens Stoltenberg' }).first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.quick-input-list .monaco-list-row').length === 1);
    await input.press('Enter');
    const quotes = page.locator('.sidebar').getByRole('tree', { name: /^Quotes/ });
    await quotes.waitFor();
    const first = quotes.getByRole('treeitem', { name: /^(Direct quote|Reported speech|Question), Jens Stoltenberg: / }).first();
    await first.waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
    // The filter is in the view's title.
    await page.locator('.sidebar .pane-header', { hasText: 'Jens Stoltenberg' }).first().waitFor();
    // The newest months are expanded: the seeds' quotes of Stoltenberg are of January and February.
    await quotes.getByRole('treeitem', { name: /^January 2022, / }).and(page.locator('[aria-expanded="true"]')).waitFor();
    assert.ok((await quotes.getByRole('treeitem', { name: /, Jens Stoltenberg: / }).count()) >= 2);
    await page.mouse.move(0, 0);
    await session?.screenshot(`quotes-view-${slug}`);
    // Keyboard: Show Quotes left the focus on the newest month; Down moves to its first quote, Enter opens it.
    await quotes.getByRole('treeitem', { name: /^February 2022, / }).and(page.locator('.focused')).waitFor();
    await page.keyboard.press('ArrowDown');
    await first.and(page.locator('.focused')).waitFor();
    await page.keyboard.press('Enter');
    await readerFrame(page).locator('.reader').waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
  });

  it("asks for a speaker's quotes from the reader's speaker label, by mouse and by keyboard", async () => {
    const page = workbenchPage(session);
    const reader = readerFrame(page);
    await runCommand(page, 'Annotated Reader: Clear Quotes Filters');
    const header = page.locator('.sidebar .pane-header', { hasText: 'Quotes' }).first();
    // Cleared: the speaker's name leaves the view's title.
    await page.waitForFunction(() => ![...document.querySelectorAll('.sidebar .pane-header')].some((h) => h.textContent?.includes('Quotes') && h.textContent.includes('Jens Stoltenberg')));
    const label = reader.locator('.quote-speaker-link').first();
    await label.waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
    const speaker = await label.getAttribute('data-speaker');
    assert.ok(speaker);
    await label.click();
    await page.locator('.sidebar .pane-header', { hasText: speaker }).first().waitFor();
    // The Quotes view takes the focus, on its newest month (a command palette opened before that would close).
    const quotesTree = page.locator('.sidebar').getByRole('tree', { name: /^Quotes/ });
    await quotesTree.getByRole('treeitem').and(page.locator('.focused')).first().waitFor();
    await page.waitForFunction(() => Boolean(document.activeElement?.closest('.sidebar')));
    await runCommand(page, 'Annotated Reader: Clear Quotes Filters');
    await page.waitForFunction((name) => ![...document.querySelectorAll('.sidebar .pane-header')].some((h) => h.textContent?.includes('Quotes') && h.textContent.includes(name)), speaker);
    await label.focus();
    await label.press('Enter');
    await page.locator('.sidebar .pane-header', { hasText: speaker }).first().waitFor();
    assert.ok(await header.isVisible());
    // The list follows: the speaker's quotes, once their words are read.
    const quotes = page.locator('.sidebar').getByRole('tree', { name: /^Quotes/ });
    await quotes.getByRole('treeitem', { name: new RegExp(`, ${speaker}: `) }).first().waitFor();
    // Another speaker's: none of Stoltenberg's quotes is listed any more.
    if (speaker !== 'Jens Stoltenberg') assert.equal(await quotes.getByRole('treeitem', { name: /, Jens Stoltenberg: / }).count(), 0);
    await page.mouse.move(0, 0);
    await session?.screenshot(`quotes-reader-${slug}`);
  });
});
}
