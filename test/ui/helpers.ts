// Shared by the UI tests: the themes, the sample article, and steps through the workbench.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { UI_STEP_TIMEOUT_MS } from '../harness/browser';
import type { ColorTheme } from '../harness/codeServer';
import type { WorkbenchSession } from '../harness/launchWorkbench';

/** `kind`: the key of the theme's values in package.json's colour defaults. */
export const THEMES: readonly { colorTheme: ColorTheme; slug: string; kind: string }[] = [
  { colorTheme: 'Default Light Modern', slug: 'light', kind: 'light' },
  { colorTheme: 'Default Dark Modern', slug: 'dark', kind: 'dark' },
  { colorTheme: 'Default High Contrast', slug: 'high-contrast', kind: 'highContrast' },
];

/** The sample article most tests read. */
export const ARTICLE_HEADLINE = 'Putin og Macron enige om å trappe opp forsøk på diplomatisk løsning';

/** The extension host may still be starting when the workbench appears (slowly, on a busy machine). */
export const EXTENSION_READY_TIMEOUT_MS = UI_STEP_TIMEOUT_MS;

/** Drags the side bar's edge so that headlines in the tree are readable in the screenshots. */
export async function widenSideBar(page: Page, width: number): Promise<void> {
  const sideBar = page.locator('.part.sidebar');
  await sideBar.waitFor();
  const box = await sideBar.boundingBox();
  if (!box || box.width >= width) return;
  const edge = { x: box.x + box.width, y: box.y + box.height / 2 };
  await page.mouse.move(edge.x + 1, edge.y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, edge.y, { steps: 8 });
  await page.mouse.up();
}

/**
 * Runs a command from the command palette by its title: its row is clicked once the palette lists it (Enter could
 * take a row of the list before it was filtered, such as a recently used command), and the palette is opened
 * again when it closed before that (focus moving between a webview and the workbench on a busy machine).
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input');
  const row = widget.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: title }) }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      await input.fill(`>${title}`, { timeout: 10_000 });
      // (A click Playwright could not make, the row gone with the palette, ran nothing: it is safe to try again.)
      await row.click({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

export function workbenchPage(session: WorkbenchSession | undefined): Page {
  assert.ok(session, 'the workbench did not start');
  return session.page;
}

/** Shows the extension's view container (clicking its activity bar item only when it is not shown already). */
export async function openArticlesView(page: Page, expectTree = true): Promise<void> {
  const articles = page.locator('.sidebar').getByRole('tree', { name: /^Articles/ });
  if (await articles.isVisible()) return;
  const activityBarItem = page.locator('.activitybar [aria-label^="Annotated Reader"]').first();
  await click(activityBarItem, EXTENSION_READY_TIMEOUT_MS);
  if (expectTree) await articles.waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
}

/** A row of the Articles tree whose accessible name starts with `label`. */
export function treeItem(page: Page, label: string): Locator {
  // In the Articles tree only: the Quotes view has months too.
  return page.locator('.sidebar').getByRole('tree', { name: /^Articles/ }).getByRole('treeitem', { name: new RegExp(`^${escapeRegExp(label)}`) });
}

export async function expand(item: Locator): Promise<void> {
  if ((await item.getAttribute('aria-expanded')) !== 'true') await click(item);
  await item.and(item.page().locator('[aria-expanded="true"]')).waitFor();
}

/** The reader panel's own document: a webview's HTML sits two iframes deep in the workbench. */
export function readerFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview').first().frameLocator('iframe').first();
}

/** Clicks `target`, then moves the pointer onto the status bar before a hover or tooltip can open. */
export async function click(target: Locator, timeout?: number): Promise<void> {
  await target.click({ timeout });
  const page = target.page();
  const statusBar = await page.locator('.statusbar').boundingBox();
  if (statusBar) await page.mouse.move(statusBar.x + statusBar.width / 2, statusBar.y + statusBar.height / 2);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Selects `phrase` in the reader by dragging the mouse over it, as a person would. */
export async function dragOver(page: Page, reader: FrameLocator, phrase: string): Promise<void> {
  // Away from any name first, so that no hover card lies over the text.
  await reader.locator('.meta').hover();
  await reader.locator('.entity-card:not([hidden]), .annotation-card:not([hidden])').first().waitFor({ state: 'detached' });
  const paragraph = reader.locator('p', { hasText: phrase }).first();
  await paragraph.scrollIntoViewIfNeeded();
  const ends = await paragraph.evaluate((node, wanted) => {
    const walker = node.ownerDocument.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    const texts: [Text, number][] = [];
    let text = '';
    while (walker.nextNode()) {
      texts.push([walker.currentNode as Text, text.length]);
      text += walker.currentNode.textContent ?? '';
    }
    const at = text.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not in the paragraph`);
    const locate = (offset: number, end: boolean): [Text, number] => {
      const found = [...texts].reverse().find(([piece, start]) => (end ? start < offset : start <= offset) && start + piece.length >= offset);
      if (!found) throw new Error(`no text at ${offset}`);
      return [found[0], offset - found[1]];
    };
    const range = node.ownerDocument.createRange();
    range.setStart(...locate(at, false));
    range.setEnd(...locate(at + wanted.length, true));
    const rects = range.getClientRects();
    const first = rects[0];
    const last = rects[rects.length - 1];
    const box = node.getBoundingClientRect();
    return {
      from: { x: first.left - box.left + 1, y: first.top - box.top + first.height / 2 },
      to: { x: last.right - box.left - 1, y: last.top - box.top + last.height / 2 },
    };
  }, phrase);
  const box = await paragraph.boundingBox();
  assert.ok(box, 'the paragraph is on screen');
  await page.mouse.move(box.x + ends.from.x, box.y + ends.from.y);
  await page.mouse.down();
  await page.mouse.move(box.x + ends.to.x, box.y + ends.to.y, { steps: 6 });
  await page.mouse.up();
}
