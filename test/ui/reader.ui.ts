// UI tests: a person's path through the extension in a real workbench, in a light and a dark theme.
// Screenshots go to test-results/screenshots/.
import * as assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'mocha';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWorkbench, type WorkbenchSession } from '../harness/launchWorkbench';
import { repoRoot } from '../harness/paths';
import { highlightContrasts } from './contrast';
import {
  ARTICLE_HEADLINE,
  click,
  dragOver,
  expand,
  EXTENSION_READY_TIMEOUT_MS,
  openArticlesView,
  readerFrame,
  runCommand,
  slugify,
  THEMES,
  treeItem,
  widenSideBar,
  workbenchPage,
} from './helpers';

/** The theme's value of one of the extension's own colours (package.json contributes.colors), as CSS rgb(). */
function contributedColour(id: string, kind: string): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: { colors: { id: string; defaults: Record<string, string> }[] } };
  const hex = manifest.contributes.colors.find((colour) => colour.id === id)?.defaults[kind];
  assert.ok(hex && /^#[0-9a-f]{6}$/i.test(hex), `${id} has an opaque value for ${kind}`);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

const MONTH = 'February 2022';
/** The article after ARTICLE_HEADLINE in tree order: the only one in January 2022. */
const NEXT_HEADLINE = 'Intenst diplomati - inviterer Russland til nye Nato-møter';

/** Passages of ARTICLE_HEADLINE the annotation test highlights, in text order. */
const ANNOTATED = [
  'De diplomatiske forsøkene på å stanse en mulig russisk invasjon av Ukraina fortsetter',
  'De snakket i 105 minutter',
  'Putin og Macron er enige om et møte i Den trilaterale kontaktgruppe',
] as const;
const NOTE = 'Bekreftet av både Paris og Moskva – se **Reuters**.';


for (const { colorTheme, slug, kind } of THEMES) {
  describe(`Reader UI in ${colorTheme}`, () => {
    let session: WorkbenchSession | undefined;

    before(async () => {
      session = await launchWorkbench({ colorTheme, label: slug });
      await widenSideBar(session.page, 480);
    });

    after(async () => {
      await session?.close();
    });

    afterEach(async function () {
      const test = this.currentTest;
      if (test?.state === 'failed' && session) {
        console.log(`      screenshot: ${await session.screenshot(`failed-${slug}-${slugify(test.title)}`)}`);
      }
    });

    it('lists the sample articles by month in the Articles view', async () => {
      const page = workbenchPage(session);
      await openArticlesView(page);
      const month = treeItem(page, MONTH);
      await month.waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
      assert.match((await month.innerText()).trim(), /^February 2022\s*\(4\)/);
      await session?.screenshot(`tree-${slug}`);
    });

    it('opens an article in the reader', async () => {
      const page = workbenchPage(session);
      await openArticlesView(page);
      await expand(treeItem(page, MONTH));
      await click(treeItem(page, ARTICLE_HEADLINE));

      const headline = readerFrame(page).locator('h1.headline');
      await headline.filter({ hasText: ARTICLE_HEADLINE }).waitFor();
      assert.equal((await headline.innerText()).trim(), ARTICLE_HEADLINE);
      await session?.screenshot(`reader-${slug}`);
    });

    it('labels quotes with their speakers, outside the article\'s text', async () => {
      const page = workbenchPage(session);
      const reader = readerFrame(page);
      await reader.locator('h1.headline').filter({ hasText: ARTICLE_HEADLINE }).waitFor();
      // `– Alle tegn tyder på at Russland planlegger et fullskalaangrep mot Ukraina, sa Natos generalsekretær Jens Stoltenberg …`
      const label = reader.locator('.quote-speaker[data-speaker="Jens Stoltenberg"]').first();
      await label.waitFor();
      await label.scrollIntoViewIfNeeded();
      // A speaker with an entity id: a link to all their quotes, a tab stop.
      assert.equal(await label.getAttribute('role'), 'link');
      assert.equal(await label.getAttribute('tabindex'), '0');
      assert.match((await label.getAttribute('aria-label')) ?? '', /^Said by Jens Stoltenberg.*\. All their quotes$/);
      // The label's words come from the stylesheet: they are drawn, but are no part of the text one selects or copies.
      const drawn = await label.evaluate((node) => getComputedStyle(node, '::after').content);
      assert.equal(drawn, '"Jens Stoltenberg"');
      assert.equal(await label.innerText(), '');
      assert.ok((await reader.locator('.quote-speaker').count()) >= 5);
      await session?.screenshot(`reader-speakers-${slug}`);
    });

    it('highlights names by type, with a legend that toggles them and a card on hover', async () => {
      const page = workbenchPage(session);
      const reader = readerFrame(page);
      await reader.locator('h1.headline').filter({ hasText: ARTICLE_HEADLINE }).waitFor();
      const macron = reader.locator('.entity-person', { hasText: 'Emmanuel Macron' }).first();
      await macron.hover();
      const card = reader.locator('.entity-card');
      await card.filter({ hasText: 'President of France' }).waitFor();
      assert.match(await card.innerText(), /Emmanuel Macron[\s\S]*Person[\s\S]*President of France since 2017\.[\s\S]*mentions in this article/);
      await session?.screenshot(`reader-entities-${slug}`);

      // Text on each type's highlight keeps WCAG AA contrast (4.5:1) in this theme.
      const contrasts = await reader.locator('.entity').evaluateAll(highlightContrasts);
      assert.ok(Object.keys(contrasts).length >= 3, `highlight types measured: ${JSON.stringify(contrasts)}`);
      for (const [type, ratio] of Object.entries(contrasts)) assert.ok(ratio >= 4.5, `${type} highlights: contrast ${ratio.toFixed(2)}:1`);
      console.log(`      contrast of highlighted text: ${Object.entries(contrasts).map(([type, ratio]) => `${type} ${ratio.toFixed(1)}`).join(', ')}`);

      const people = reader.locator('.legend-item', { hasText: 'People' });
      assert.equal(await people.getAttribute('aria-pressed'), 'true');
      await people.click();
      assert.equal(await people.getAttribute('aria-pressed'), 'false');
      assert.equal(await reader.locator('#reader.hide-person').count(), 1);
      await people.click();
      assert.equal(await reader.locator('#reader.hide-person').count(), 0);
    });

    it('shows the corpus in the card, marks a name\'s mentions and moves between them', async () => {
      const page = workbenchPage(session);
      const reader = readerFrame(page);
      await reader.locator('h1.headline').filter({ hasText: ARTICLE_HEADLINE }).waitFor();
      const putin = reader.locator('.entity-person', { hasText: 'Putin' }).first();
      await putin.scrollIntoViewIfNeeded();
      await putin.hover();
      const card = reader.locator('.entity-card');
      await card.filter({ hasText: 'in the corpus' }).waitFor();
      assert.match(await card.innerText(), /Vladimir Putin[\s\S]*\d+ articles, \d+ mentions in the corpus/);
      const others = card.locator('.card-articles .card-link');
      assert.ok((await others.count()) >= 3, 'links to other articles');
      // The corpus-wide pictures of the name, in the analysis panel.
      assert.equal(await card.getByRole('button', { name: 'Timeline' }).count(), 1);
      assert.equal(await card.getByRole('button', { name: 'Network' }).count(), 1);
      await session?.screenshot(`reader-card-${slug}`);

      // The pointer can move into the card to use it.
      await card.getByRole('button', { name: 'Mark mentions' }).click();
      const marked = reader.locator('.entity.selected');
      const count = await marked.count();
      assert.ok(count >= 3, `${count} mentions marked`);
      const bar = reader.locator('.selection-bar');
      await bar.filter({ hasText: `1 of ${count}` }).waitFor();
      await bar.locator('.selection-label').click(); // keys go to the reader
      await page.keyboard.press('n');
      await bar.filter({ hasText: `2 of ${count}` }).waitFor();
      await session?.screenshot(`reader-selected-${slug}`);
      await page.keyboard.press('Shift+N');
      await bar.filter({ hasText: `1 of ${count}` }).waitFor();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      assert.equal(await marked.count(), 0);
    });

    it('lists the entities by type in the Entities view, with a concordance', async () => {
      const page = workbenchPage(session);
      await openArticlesView(page);
      const entities = page.locator('.sidebar').getByRole('tree', { name: /^Entities/ });
      await entities.waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
      const putin = entities.getByRole('treeitem', { name: /^Vladimir Putin, Person, \d+ articles/ });
      await putin.waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
      await expand(putin);
      await entities.getByRole('treeitem', { name: /Putin.*, in / }).first().waitFor();
      await session?.screenshot(`entities-${slug}`);
      await click(putin); // collapse again for the next test
    });

    it('searches the corpus from the keyboard and opens the reader at the match', async () => {
      const page = workbenchPage(session);
      await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
      await page.keyboard.press('Control+Alt+Shift+F');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill('Stoltenbrg Nato');
      const rows = page.locator('.quick-input-list .monaco-list-row');
      const first = rows.filter({ hasText: 'Intenst diplomati' }).first();
      await first.waitFor();
      assert.match(await first.innerText(), /January 2022[\s\S]*Stoltenberg/);
      // A screen reader reads the row's name: the headline first, not its icon's name ("book Intenst…").
      assert.match((await first.getAttribute('aria-label')) ?? '', /^Intenst diplomati/);
      await session?.screenshot(`search-${slug}`);
      await input.press('Enter');
      const reader = readerFrame(page);
      await reader.locator('h1.headline').filter({ hasText: NEXT_HEADLINE }).waitFor();
      const marks = reader.locator('mark.search-match');
      await marks.first().waitFor();
      assert.ok((await marks.count()) >= 3, 'matches highlighted');
      await reader.locator('mark.search-match.current').waitFor();
      await session?.screenshot(`reader-search-${slug}`);
      // Back to the article the next tests expect.
      await reader.locator('.meta').click();
      await page.keyboard.press('Alt+PageUp');
      await reader.locator('h1.headline').filter({ hasText: ARTICLE_HEADLINE }).waitFor();
    });

    it('moves to the next article with Alt+PageDown and back with Alt+PageUp', async () => {
      const page = workbenchPage(session);
      const headline = readerFrame(page).locator('h1.headline');
      await headline.filter({ hasText: ARTICLE_HEADLINE }).waitFor();
      // Keys typed in the reader reach the workbench's keybindings.
      await readerFrame(page).locator('article').click();
      await page.keyboard.press('Alt+PageDown');
      await headline.filter({ hasText: NEXT_HEADLINE }).waitFor();
      await page.keyboard.press('Alt+PageUp');
      await headline.filter({ hasText: ARTICLE_HEADLINE }).waitFor();
    });

    it('highlights passages in several colours, with a note, and lists them in the Annotations view', async () => {
      const page = workbenchPage(session);
      const reader = readerFrame(page);
      await reader.locator('h1.headline').filter({ hasText: ARTICLE_HEADLINE }).waitFor();
      const toolbar = reader.locator('.selection-toolbar');
      const pieces = reader.locator('.anno[data-first]');

      // Select words with the mouse, then press 1: the first colour (Key claim).
      await dragOver(page, reader, ANNOTATED[2]);
      await toolbar.waitFor();
      await page.keyboard.press('1');
      await reader.locator('.anno-yellow', { hasText: 'er enige om et' }).first().waitFor();

      // Or pick a colour on the toolbar.
      await dragOver(page, reader, ANNOTATED[1]);
      await toolbar.getByRole('button', { name: /Highlight as Question/ }).click();
      await reader.locator('.anno-blue', { hasText: '105 minutter' }).first().waitFor();

      // Or Enter for a note, its colour and tags.
      await dragOver(page, reader, ANNOTATED[0]);
      await toolbar.waitFor();
      await page.keyboard.press('Enter');
      const editor = reader.locator('.note-editor');
      await editor.getByRole('textbox', { name: 'Note (Markdown)' }).fill(NOTE);
      await editor.getByRole('radio', { name: /Evidence/ }).click();
      await editor.getByRole('textbox', { name: /Tags/ }).fill('diplomati, OSSE');
      await editor.getByRole('textbox', { name: 'Note (Markdown)' }).press('Control+Enter');
      await reader.locator('.anno-green', { hasText: 'russisk invasjon' }).first().waitFor();
      assert.equal(await pieces.count(), 3);
      const texts = await pieces.evaluateAll((nodes) =>
        nodes.map((node) => [...node.ownerDocument.querySelectorAll(`.anno[data-anno="${(node as HTMLElement).dataset.anno}"]`)].map((piece) => piece.textContent).join('')),
      );
      assert.deepEqual(texts, [...ANNOTATED], 'each highlight holds exactly the words selected');

      // Drawn in this theme's values of the extension's highlight colours: the ones the unit test keeps
      // apart from the names' colours (test/unit/highlightColours.test.ts).
      const drawn = await pieces.evaluateAll((nodes) =>
        nodes.map((node) => ({ colour: /anno-(\w+)/.exec(node.className)?.[1] ?? '', fill: getComputedStyle(node).backgroundColor, text: getComputedStyle(node).color })),
      );
      const capital = (word: string) => word[0].toUpperCase() + word.slice(1);
      for (const { colour, fill, text } of drawn) {
        assert.equal(fill, contributedColour(`annotatedReader.highlight${capital(colour)}`, kind), `the ${colour} highlight's fill`);
        assert.equal(text, contributedColour('annotatedReader.highlightForeground', kind), `the text on the ${colour} highlight`);
      }

      // Hovering shows the note; names inside stay highlighted as names.
      // All three in view (the first near the middle), then the pointer on the one with a note.
      await pieces.first().evaluate((node) => node.scrollIntoView({ block: 'center' }));
      const noted = reader.locator('.anno-green', { hasText: 'De diplomatiske' }).first();
      await noted.hover();
      const card = reader.locator('.annotation-card');
      await card.filter({ hasText: 'Bekreftet' }).waitFor();
      assert.match(await card.innerText(), /Evidence[\s\S]*#diplomati[\s\S]*#OSSE[\s\S]*Bekreftet av både Paris og Moskva/);
      assert.ok((await reader.locator('.entity .anno, .anno .entity').count()) > 0, 'annotations drawn over names');
      // Only the note's card: a name's card the pointer passed on its way has closed.
      await reader.locator('.entity-card:not([hidden])').waitFor({ state: 'detached' });
      await session?.screenshot(`reader-annotations-${slug}`);

      // A and Shift+A move between annotations.
      await reader.locator('.meta').click();
      await page.keyboard.press('a');
      const bar = reader.locator('.selection-bar');
      await bar.filter({ hasText: '1 of 3' }).waitFor();
      await page.keyboard.press('a');
      await bar.filter({ hasText: '2 of 3' }).waitFor();
      await page.keyboard.press('Escape');

      // The Annotations view lists them under the article, in text order.
      await openArticlesView(page);
      const header = page.locator('.sidebar .pane-header', { hasText: 'Annotations' });
      if ((await header.getAttribute('aria-expanded')) !== 'true') await click(header);
      const entitiesHeader = page.locator('.sidebar .pane-header', { hasText: 'Entities' });
      if ((await entitiesHeader.getAttribute('aria-expanded')) === 'true') await click(entitiesHeader);
      const view = page.locator('.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: 'Annotations' }) });
      await view.locator('.monaco-list-row', { hasText: 'Putin og Macron enige' }).waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
      const rows = view.locator('.monaco-list-row');
      await rows.nth(3).waitFor();
      const labels = (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
      assert.match(labels[0], /^Putin og Macron/);
      assert.match(labels[1], /^De diplomatiske forsøkene.*Bekreftet av både Paris/);
      assert.match(labels[3], /^Putin og Macron er enige/);
      await session?.screenshot(`annotations-view-${slug}`);
      if ((await entitiesHeader.getAttribute('aria-expanded')) !== 'true') await click(entitiesHeader);
    });

    it('comes back after a window reload, scrolled where it was', async () => {
      const page = workbenchPage(session);
      const headline = readerFrame(page).locator('h1.headline');
      await headline.filter({ hasText: ARTICLE_HEADLINE }).waitFor();
      // The reader saves its scroll position a moment after scrolling stops; the saved state reaches the
      // workbench through the webview's host frame, where the test listens for it.
      const host = page.frameLocator('iframe.webview').first().locator('body');
      await host.evaluate(recordStateSaves);
      const { scrolled, fraction } = await headline.evaluate((node) => {
        const view = node.ownerDocument.defaultView as Window;
        view.scrollTo(0, view.scrollY === 600 ? 640 : 600);
        const max = node.ownerDocument.documentElement.scrollHeight - view.innerHeight;
        return { scrolled: view.scrollY, fraction: view.scrollY / max };
      });
      assert.ok(scrolled > 500, `the reader scrolled to ${scrolled}`);
      // The save of this position, not an earlier one (a smooth scroll of the test before may still be saving).
      const saved = await host.evaluate(nextStateSaveAt, fraction);
      assert.ok(Math.abs(saved.scroll - fraction) < 0.005, `the reader saved its state: ${JSON.stringify(saved)}`);
      // The host frame has passed the state on to the workbench, which takes it at once; the reload below goes
      // through the command palette, long after that.

      // Reload as a person would, through the command (it lets the workbench save its editors first).
      const reloaded = page.waitForEvent('load', { timeout: EXTENSION_READY_TIMEOUT_MS });
      await runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await page.locator('.monaco-workbench').waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
      await headline.filter({ hasText: ARTICLE_HEADLINE }).waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
      const restored = await headline.evaluate(async (node) => {
        const view = node.ownerDocument.defaultView as Window;
        // Scrolling is restored in the frame after rendering: wait for that scroll if it has not happened yet.
        if (view.scrollY === 0) await new Promise((resolve) => view.addEventListener('scroll', resolve, { once: true }));
        return view.scrollY;
      });
      assert.ok(Math.abs(restored - scrolled) < 40, `restored to ${restored}, was ${scrolled}`);
      // The annotations made above were saved: the reloaded window draws them again.
      assert.equal(await readerFrame(page).locator('.anno[data-first]').count(), 3);
    });
  });
}

/** A webview state the reader saved, as it reached the workbench. */
interface SavedState {
  uri?: string;
  scroll: number;
}

/**
 * In the webview's host frame: records each state its page saves (`vscode.setState`), which the frame passes
 * on to the workbench as a 'do-update-state' message on its message port.
 */
function recordStateSaves(): void {
  const frame = window as Window & { stateSaves?: SavedState[] };
  frame.stateSaves = [];
  const post = MessagePort.prototype.postMessage;
  if ((post as { recording?: boolean }).recording) return;
  const recording = function (this: MessagePort, message: unknown, ...rest: unknown[]) {
    const { channel, data } = (message ?? {}) as { channel?: string; data?: unknown };
    if (channel === 'do-update-state' && typeof data === 'string') {
      frame.stateSaves?.push(JSON.parse(data) as SavedState);
      frame.dispatchEvent(new Event('annotated-reader-state-saved'));
    }
    return (post as (...args: unknown[]) => void).call(this, message, ...rest);
  };
  MessagePort.prototype.postMessage = Object.assign(recording, { recording: true }) as typeof post;
}

/** In the webview's host frame: the first state saved since `recordStateSaves` at the scroll fraction given. */
async function nextStateSaveAt(_body: Element, fraction: number): Promise<SavedState> {
  const frame = window as Window & { stateSaves?: SavedState[] };
  for (;;) {
    const saved = frame.stateSaves?.find((state) => Math.abs(state.scroll - fraction) < 0.005);
    if (saved) return saved;
    await new Promise((resolve) => frame.addEventListener('annotated-reader-state-saved', resolve, { once: true }));
  }
}

describe('Articles view with no articles', () => {
  let session: WorkbenchSession | undefined;

  before(async () => {
    session = await launchWorkbench({
      colorTheme: 'Default Dark Modern',
      label: 'empty',
      workspaceSettings: { 'annotatedReader.sampleCorpus': 'off' },
    });
    await widenSideBar(session.page, 480);
  });

  after(async () => {
    await session?.close();
  });

  it('offers to add a folder or show the sample corpus, and the sample button works', async () => {
    const page = workbenchPage(session);
    await openArticlesView(page, false);
    const pane = (title: string) => page.locator('.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: title }) });
    const welcome = pane('Articles').locator('.welcome-view-content');
    await pane('Entities').getByText('Names appear here once the corpus has articles', { exact: false }).waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
    await welcome.getByText('No article files were found in this workspace', { exact: false }).waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
    for (const label of ['Add Corpus Folder', 'Show Sample Corpus', 'Open Settings']) {
      assert.ok(await welcome.getByRole('button', { name: label }).isVisible(), `no "${label}" button`);
    }
    await session?.screenshot('welcome-dark');
    await click(welcome.getByRole('button', { name: 'Show Sample Corpus' }));
    await treeItem(page, MONTH).waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
  });
});
