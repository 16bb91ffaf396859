// UI tests of the reader with the keyboard only (no mouse from the moment the workbench is up)
// and of what a screen reader is given, checked with axe-core, in the three themes.
// Screenshots go to test-results/screenshots/.
import * as assert from 'node:assert/strict';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'mocha';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { launchWorkbench, type WorkbenchSession } from '../harness/launchWorkbench';
import { repoRoot } from '../harness/paths';
import { ARTICLE_HEADLINE, EXTENSION_READY_TIMEOUT_MS, readerFrame, slugify, THEMES, workbenchPage } from './helpers';

/** Words of ARTICLE_HEADLINE's lead paragraph the test highlights: a search finds the first, the caret selects from there. */
const QUERY = '105 minutter';
const SECOND = ', og Macron fulgte';
const NOTE = 'Samtalen varte lenge – *nesten to timer*.';
const MORE = ' Bekreftet av Élysée.';

for (const { colorTheme, slug } of THEMES) {
  describe(`Reader from the keyboard in ${colorTheme}`, () => {
    let session: WorkbenchSession | undefined;

    before(async () => {
      session = await launchWorkbench({ colorTheme, label: `keyboard-${slug}` });
    });

    after(async () => {
      await session?.close();
    });

    afterEach(async function () {
      const test = this.currentTest;
      if (test?.state === 'failed' && session) {
        console.log(`      screenshot: ${await session.screenshot(`failed-keyboard-${slug}-${slugify(test.title)}`)}`);
      }
    });

    it('opens a search result with focus on the match, clear of the sticky header', async () => {
      const page = workbenchPage(session);
      const input = page.locator('.quick-input-widget input');
      await openSearch(page);
      await input.fill(QUERY);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Putin og Macron enige' }).first();
      await row.waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
      // Other articles have these words too: down to this one's row, by keys.
      for (let i = 0; i < 10 && !(await row.evaluate((node) => node.classList.contains('focused'))); i++) await page.keyboard.press('ArrowDown');
      assert.ok(await row.evaluate((node) => node.classList.contains('focused')), 'the article\'s row is active');
      await page.keyboard.press('Enter');
      const reader = readerFrame(page);
      await reader.locator('h1.headline').filter({ hasText: ARTICLE_HEADLINE }).waitFor();
      const match = reader.locator('mark.search-match.current:focus');
      await match.waitFor();
      assert.equal((await match.innerText()).trim(), '105');
      assert.equal(await match.getAttribute('aria-current'), 'true');
      await assertClearOfHeader(reader, match);
      await announced(reader, /^Search matches: match \d+ of \d+$/);
    });

    it('selects words with the caret and highlights them, with and without a note', async () => {
      const page = workbenchPage(session);
      const reader = readerFrame(page);
      await page.keyboard.press('F7');
      const caret = reader.locator('.reader-caret:not([hidden])');
      await caret.waitFor();
      await announced(reader, /^Caret mode on/);
      // Word by word from the match: "105", then "minutter" (ø, å and æ are letters: see the unit tests).
      await page.keyboard.press('Shift+Control+ArrowRight');
      await page.keyboard.press('Shift+Control+ArrowRight');
      assert.equal(await selectionText(reader), QUERY);
      await reader.locator('.selection-toolbar:not([hidden])').waitFor();
      await session?.screenshot(`keyboard-caret-${slug}`);
      await page.keyboard.press('2');
      const question = reader.locator('.anno-blue[data-first]:focus');
      await question.waitFor();
      assert.equal(await question.getAttribute('role'), 'button');
      assert.match((await question.getAttribute('aria-label')) ?? '', /^105 minutter, Question highlight$/);
      await announced(reader, 'Highlighted as Question');

      // On from the caret (after "minutter"): three words more, then Enter for a note.
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Control+ArrowRight');
      assert.equal(await selectionText(reader), SECOND);
      await page.keyboard.press('Enter');
      const note = reader.locator('.note-editor textarea:focus');
      await note.waitFor();
      await page.keyboard.type(NOTE);
      await page.keyboard.press('Control+Enter');
      const claim = reader.locator('.anno-yellow[data-first]:focus');
      await claim.waitFor();
      assert.match((await claim.getAttribute('aria-label')) ?? '', /^, og Macron fulgte, Key claim highlight with a note$/);
      await announced(reader, 'Highlighted as Key claim. Note saved');
      assert.deepEqual(await highlightTexts(reader), [QUERY, SECOND]);
    });

    it('edits a note and enters a highlight\'s card, Tab cycling inside it and Escape going back', async () => {
      const page = workbenchPage(session);
      const reader = readerFrame(page);
      const claim = reader.locator('.anno-yellow[data-first]');
      await reader.locator('.anno-yellow[data-first]:focus').waitFor();
      await page.keyboard.press('Enter');
      await reader.locator('.note-editor textarea:focus').waitFor();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(MORE);
      await page.keyboard.press('Control+Enter');
      await reader.locator('.anno-yellow[data-first]:focus').waitFor();
      await announced(reader, 'Note saved');
      const card = reader.locator('.annotation-card:not([hidden])');
      await card.filter({ hasText: 'Bekreftet av Élysée' }).waitFor();
      assert.equal(await card.getAttribute('role'), 'dialog');
      assert.equal(await card.getAttribute('aria-labelledby'), 'annotation-card-title');

      await page.keyboard.press('Shift+Enter');
      const edit = card.getByRole('button', { name: 'Edit note' });
      const remove = card.getByRole('button', { name: 'Delete' });
      await edit.and(reader.locator(':focus')).waitFor();
      await session?.screenshot(`keyboard-card-${slug}`);
      await page.keyboard.press('Tab');
      await remove.and(reader.locator(':focus')).waitFor();
      await page.keyboard.press('Tab');
      await edit.and(reader.locator(':focus')).waitFor();
      await page.keyboard.press('Shift+Tab');
      await remove.and(reader.locator(':focus')).waitFor();
      await page.keyboard.press('Escape');
      await claim.and(reader.locator(':focus')).waitFor();
    });

    it('has no serious or critical accessibility violations with names, highlights, an open card and search marks', async () => {
      const page = workbenchPage(session);
      const reader = readerFrame(page);
      assert.ok((await reader.locator('mark.search-match').count()) > 0, 'search marks shown');
      assert.equal(await reader.locator('.anno[data-first]').count(), 2);
      await reader.locator('.annotation-card:not([hidden])').waitFor();
      const violations = await axeViolations(await frameOf(reader));
      assert.deepEqual(violations, [], `axe found:\n${violations.join('\n')}`);
    });

    it('deletes a highlight with Delete, focus on the next one, and undoes it with Ctrl+Z', async () => {
      const page = workbenchPage(session);
      const reader = readerFrame(page);
      await reader.locator('.anno-yellow[data-first]:focus').waitFor();
      await page.keyboard.press('Delete');
      await reader.locator('.anno.anno-yellow').first().waitFor({ state: 'detached' });
      // The last highlight in text order went: focus is on the one before it, not on the page.
      const question = reader.locator('.anno-blue[data-first]:focus');
      await question.waitFor();
      await announced(reader, 'Annotation deleted — Ctrl+Z to undo');
      await assertClearOfHeader(reader, question);
      await session?.screenshot(`keyboard-after-delete-${slug}`);

      await page.keyboard.press('Control+z');
      await reader.locator('.anno-yellow[data-first]:focus').waitFor();
      await announced(reader, 'Annotation restored');
      await page.keyboard.press('Delete');
      await question.waitFor();
      await page.keyboard.press('Delete');
      // No highlight left: focus is on the article, still in the reader.
      await reader.locator('article.article:focus').waitFor();
      assert.equal(await reader.locator('.anno').count(), 0);
    });

    it('enters a name\'s card with Shift+Enter and marks its mentions from there', async () => {
      const page = workbenchPage(session);
      const reader = readerFrame(page);
      await reader.locator('article.article:focus').waitFor();
      // Out of caret mode; Tab goes from the article to its first name.
      await page.keyboard.press('F7');
      await announced(reader, 'Caret mode off');
      await page.keyboard.press('Tab');
      const name = reader.locator('.entity[role="button"]:focus');
      await name.waitFor();
      const label = (await name.getAttribute('aria-label')) ?? '';
      assert.match(label, /^\S.*, (Person|Organisation|Place|Event|Name)$/);
      await page.keyboard.press('Shift+Enter');
      const card = reader.locator('.entity-card:not([hidden])');
      assert.equal(await card.getAttribute('role'), 'dialog');
      assert.equal(await card.getAttribute('aria-labelledby'), 'entity-card-title');
      // Focus is on the card's first button (a link to another article); Tab goes on to Mark mentions.
      await card.locator(':focus').waitFor();
      const mark = card.getByRole('button', { name: 'Mark mentions' });
      for (let i = 0; i < 10 && !(await mark.evaluate((node) => node === node.ownerDocument.activeElement)); i++) await page.keyboard.press('Tab');
      await mark.and(reader.locator(':focus')).waitFor();
      await session?.screenshot(`keyboard-entity-card-${slug}`);
      await page.keyboard.press('Enter');
      await reader.locator('.selection-bar:not([hidden])', { hasText: /1 of \d+/ }).waitFor();
      await page.keyboard.press('Escape');
      await name.waitFor();
      assert.equal(await name.getAttribute('aria-current'), 'true');
    });

    it('keeps focus in the note being written, and goes from a card to its highlight, when another window changes the annotations', async () => {
      const page = workbenchPage(session);
      const reader = readerFrame(page);
      assert.ok(session);
      const file = join(session.workspacePath, '.annotated-reader', 'annotations.json');
      // From the focused name: its first word, highlighted with the first colour.
      await reader.locator('.entity[role="button"]:focus').waitFor();
      await page.keyboard.press('Shift+Control+ArrowRight');
      await reader.locator('.selection-toolbar:not([hidden])').waitFor();
      await page.keyboard.press('1');
      const highlight = reader.locator('.anno[data-first]');
      await highlight.and(reader.locator(':focus')).waitFor();
      await announced(reader, /^Highlighted as /);

      // Into its card; then another window saves a tag on it: the reader draws the article again.
      await page.keyboard.press('Shift+Enter');
      await reader.locator('.annotation-card:not([hidden])').getByRole('button', { name: 'Add note' }).and(reader.locator(':focus')).waitFor();
      await changeOutside(reader, file, 'fra-et-annet-vindu');
      // The card is closed (what it showed changed): focus is on the highlight as drawn now, not on the page.
      await highlight.and(reader.locator(':focus')).waitFor();

      // Writing a note when another window saves: the editor keeps focus, and what is typed stays in it.
      await page.keyboard.press('Enter');
      const note = reader.locator('.note-editor textarea');
      await note.and(reader.locator(':focus')).waitFor();
      await page.keyboard.type('Første del');
      await changeOutside(reader, file, 'enda-en');
      await page.keyboard.type(', andre del');
      assert.equal(await note.inputValue(), 'Første del, andre del');
      assert.equal(await note.evaluate((node) => node === node.ownerDocument.activeElement), true, 'the note still has focus');
      // Cancelled: back on the highlight drawn in the old one's place.
      await page.keyboard.press('Escape');
      await highlight.and(reader.locator(':focus')).waitFor();
    });

    it('leaves focus in the note editor when it is clicked in caret mode', async () => {
      const page = workbenchPage(session);
      const reader = readerFrame(page);
      // Still in caret mode: a word selected from the caret, and Enter for a note.
      await reader.locator('.reader-caret:not([hidden])').waitFor();
      await page.keyboard.press('Shift+Control+ArrowRight');
      await reader.locator('.selection-toolbar:not([hidden])').waitFor();
      await page.keyboard.press('Enter');
      await reader.locator('.note-editor textarea:focus').waitFor();
      // The mouse, once: a click into the tags field, then typing there.
      const tags = reader.locator('.note-editor input.note-tags');
      await tags.click();
      await page.keyboard.type('klikket');
      assert.equal(await tags.inputValue(), 'klikket');
      assert.equal(await tags.evaluate((node) => node === node.ownerDocument.activeElement), true, 'the tags field has focus');
      await page.keyboard.press('Escape');
      await reader.locator('.note-editor').waitFor({ state: 'hidden' });
      // Cancelled: focus is back in the article, not on the page.
      await reader.locator('article.article:focus, article.article :focus').waitFor();
    });

    it('keeps focus on the bar\'s Next button pressed with Enter', async () => {
      const page = workbenchPage(session);
      const reader = readerFrame(page);
      await page.keyboard.press('F7');
      await announced(reader, 'Caret mode off');
      const name = reader.locator('.entity[role="button"]:focus');
      for (let i = 0; i < 10 && (await name.count()) === 0; i++) await page.keyboard.press('Tab');
      await name.waitFor();
      await page.keyboard.press('Enter');
      const bar = reader.locator('.selection-bar:not([hidden])');
      await bar.filter({ hasText: /1 of \d+/ }).waitFor();
      // The bar's button, given focus as Tab would give it (the names between are many).
      const next = bar.getByRole('button', { name: 'Next Mention (N)' });
      await next.focus();
      await page.keyboard.press('Enter');
      await announced(reader, /: mention \d+ of \d+$/);
      await next.and(reader.locator(':focus')).waitFor();
      await page.keyboard.press('Enter');
      await next.and(reader.locator(':focus')).waitFor();
    });

    it('reaches Correct… in a name\'s card from the keyboard, and fixes the name there: checked as it is typed, the reader redrawn', async () => {
      const page = workbenchPage(session);
      const reader = readerFrame(page);
      // Last of these tests: the quick pick takes focus from the reader, and the correction changes the names.
      // A name of two words or more is given focus as Tab would give it.
      await reader.locator('.entity[role="button"]', { hasText: / / }).first().focus();
      const name = reader.locator('.entity[role="button"]:focus');
      await name.waitFor();
      const text = ((await name.textContent()) ?? '').replace(/\s+/g, ' ').trim();
      const lastWord = text.split(' ').at(-1) as string;
      await page.keyboard.press('Shift+Enter');
      const card = reader.locator('.entity-card:not([hidden])');
      await card.locator(':focus').waitFor();
      const correct = card.getByRole('button', { name: 'Correct…' });
      for (let i = 0; i < 12 && !(await correct.evaluate((node) => node === node.ownerDocument.activeElement)); i++) await page.keyboard.press('Tab');
      await correct.and(reader.locator(':focus')).waitFor();
      await page.keyboard.press('Enter');
      // The host checked the mention and asks which correction: the four, each a row of a titled quick pick.
      const widget = page.locator('.quick-input-widget');
      await widget.locator('.quick-input-title', { hasText: `Correct "${text}"` }).waitFor();
      for (const row of ['Change Type…', 'Fix Name…', 'Merge Into…', 'Not a Name']) await widget.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor();
      await session?.screenshot(`correct-name-${slug}`);

      // Fix Name…: the box holds the name as found; what is typed is checked against the text around it.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await widget.locator('.quick-input-title', { hasText: `Fix Name "${text}"` }).waitFor();
      const input = widget.locator('input');
      await input.and(page.locator(':focus')).waitFor();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(text.slice(0, -1));
      await widget.locator('.quick-input-message', { hasText: 'must be words of the text around' }).waitFor();
      await session?.screenshot(`fix-name-invalid-${slug}`);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(lastWord);
      await widget.locator('.quick-input-message', { hasText: 'must be words' }).waitFor({ state: 'detached' });
      await page.keyboard.press('Enter');
      // Written and read again: the reader draws the article with the wrong form no longer a name, the right one still one.
      await widget.waitFor({ state: 'hidden' });
      await reader.locator('.entity', { hasText: new RegExp(`^\\s*${text.replace(/ /g, '\\s+')}\\s*$`) }).first().waitFor({ state: 'detached' });
      await reader.locator('.entity', { hasText: new RegExp(`^${lastWord}$`) }).first().waitFor();
      await session?.screenshot(`fix-name-done-${slug}`);
    });
  });
}

/**
 * Another window adds `tag` to the first annotation of the annotations file (replacing the file in one
 * step, as a save does); resolves once the reader has drawn its highlights again.
 */
async function changeOutside(reader: FrameLocator, file: string, tag: string): Promise<void> {
  await reader.locator('.anno[data-first]').first().evaluate((node) => ((node as HTMLElement).dataset.drawnBefore = 'true'));
  const collection = JSON.parse(readFileSync(file, 'utf8')) as { items: { body: unknown[]; modified: string }[] };
  const [first] = collection.items;
  first.body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  first.modified = new Date(Date.parse(first.modified) + 60_000).toISOString();
  writeFileSync(`${file}.outside.tmp`, JSON.stringify(collection, null, 2));
  renameSync(`${file}.outside.tmp`, file);
  await reader.locator('.anno[data-first]:not([data-drawn-before])').waitFor();
}

/**
 * Opens the search quick pick with its keybinding, once the workbench has the extension's
 * contributions (its activity bar item shows). A key pressed while the workbench is still
 * settling its focus can be lost: then it is pressed again (each time waiting for the quick
 * pick to appear, up to the extension's start-up time in all).
 */
async function openSearch(page: Page): Promise<void> {
  await page.locator('.activitybar [aria-label^="Annotated Reader"]').first().waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
  const input = page.locator('.quick-input-widget input');
  const deadline = Date.now() + EXTENSION_READY_TIMEOUT_MS;
  for (;;) {
    await page.keyboard.press('Control+Alt+Shift+F');
    try {
      await input.waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/** The text selected in the reader. */
function selectionText(reader: FrameLocator): Promise<string> {
  return reader.locator('body').evaluate((body) => body.ownerDocument.getSelection()?.toString() ?? '');
}

/** What each highlight holds, in text order. */
function highlightTexts(reader: FrameLocator): Promise<string[]> {
  return reader.locator('.anno[data-first]').evaluateAll((nodes) =>
    nodes.map((node) => [...node.ownerDocument.querySelectorAll(`.anno[data-anno="${(node as HTMLElement).dataset.anno}"]`)].map((piece) => piece.textContent).join('')),
  );
}

/** Waits until the reader's live region says `text`. */
async function announced(reader: FrameLocator, text: string | RegExp): Promise<void> {
  const region = reader.locator('#reader-announcer[role="status"]');
  const wanted = typeof text === 'string' ? new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) : text;
  await region.filter({ hasText: wanted }).waitFor({ state: 'attached' });
}

/** The focused element is below the reader's sticky header, not under it. */
async function assertClearOfHeader(reader: FrameLocator, target: ReturnType<FrameLocator['locator']>): Promise<void> {
  const header = await reader.locator('.reader-header').boundingBox();
  const box = await target.boundingBox();
  assert.ok(header && box, 'header and target on screen');
  assert.ok(box.y >= header.y + header.height - 1, `the target (top ${box.y}) is under the header (bottom ${header.y + header.height})`);
}

/** The reader's own frame, for code run inside it. */
async function frameOf(reader: FrameLocator): Promise<Frame> {
  const handle = await reader.locator('#reader').elementHandle();
  const frame = await handle?.ownerFrame();
  assert.ok(frame, 'the reader frame');
  return frame;
}

const AXE_SOURCE = join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs axe-core in the reader's frame (evaluated by the debugger protocol, so the webview's CSP
 * does not apply) and lists the violations of serious or critical impact, one readable line
 * per element.
 */
async function axeViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
  const found = await frame.evaluate(async () => {
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
    }
    const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document.documentElement, { resultTypes: ['violations'] });
    const serious = (impact: string | null) => impact === 'serious' || impact === 'critical';
    return {
      failing: result.violations
        .filter((violation) => serious(violation.impact))
        .flatMap((violation) =>
          violation.nodes.map((node) => `${violation.impact} ${violation.id} (${violation.help}): ${node.target.join(' ')} — ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`),
        ),
      lesser: result.violations.filter((violation) => !serious(violation.impact)).map((violation) => `${violation.impact} ${violation.id} (${violation.nodes.length})`),
    };
  });
  if (found.lesser.length) console.log(`      axe, of lesser impact: ${found.lesser.join(', ')}`);
  return found.failing;
}
