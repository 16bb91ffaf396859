// UI tests of how the reader draws names, in the three themes: a thin underline in the type's colour at rest,
// the tint on hover, keyboard focus and marked mentions, annotations still a fill, and the `tint` setting.
// Screenshots go to test-results/screenshots/.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'mocha';
import type { FrameLocator, Locator } from 'playwright-core';
import { launchWorkbench, type WorkbenchSession } from '../harness/launchWorkbench';
import { SAMPLE_CORPUS_SETTINGS } from '../harness/workspace';
import { highlightContrasts } from './contrast';
import { ARTICLE_HEADLINE, click, dragOver, expand, openArticlesView, readerFrame, slugify, THEMES, treeItem, widenSideBar, workbenchPage } from './helpers';

/** What a name (or highlight) looks like, as the page computes it. */
interface Look {
  line: string;
  decoration: string;
  thickness: number;
  fontSize: number;
  fill: string;
  fillAlpha: number;
  shadow: string;
  outline: string;
  outlineWidth: number;
  color: string;
  /** The colour of the text around it. */
  around: string;
}

function lookOf(target: Locator): Promise<Look> {
  return target.evaluate((node) => {
    const style = getComputedStyle(node);
    const alpha = (css: string): number => {
      if (css === 'transparent') return 0;
      const rgba = /^rgba\([^)]*,\s*([\d.]+)\)$/.exec(css);
      if (rgba) return Number(rgba[1]);
      const slash = /\/\s*([\d.]+)\)$/.exec(css);
      return slash ? Number(slash[1]) : 1;
    };
    return {
      line: style.textDecorationLine,
      decoration: style.textDecorationColor,
      thickness: parseFloat(style.textDecorationThickness) || 0,
      fontSize: parseFloat(style.fontSize),
      fill: style.backgroundColor,
      fillAlpha: alpha(style.backgroundColor),
      shadow: style.boxShadow,
      outline: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      color: style.color,
      around: getComputedStyle(node.parentElement as Element).color,
    };
  });
}

/** The colour the legend's swatch shows for a type: the colour its names are drawn in. */
function swatchColour(reader: FrameLocator, type: string): Promise<string> {
  return reader.locator(`.legend-${type} .swatch`).evaluate((node) => getComputedStyle(node).backgroundColor);
}

/** Moves the pointer off every name (onto the meta line) and waits for any card to close. */
async function pointerAway(reader: FrameLocator): Promise<void> {
  await reader.locator('.meta').hover();
  await reader.locator('.entity-card:not([hidden])').waitFor({ state: 'detached' });
}

for (const { colorTheme, slug } of THEMES) {
  const highContrast = slug === 'high-contrast';

  describe(`Reader names in ${colorTheme}`, () => {
    let session: WorkbenchSession | undefined;

    before(async () => {
      session = await launchWorkbench({ colorTheme, label: `names-${slug}` });
      await widenSideBar(session.page, 480);
      const page = session.page;
      await openArticlesView(page);
      await expand(treeItem(page, 'February 2022'));
      await click(treeItem(page, ARTICLE_HEADLINE));
      await readerFrame(page).locator('h1.headline').filter({ hasText: ARTICLE_HEADLINE }).waitFor();
    });

    after(async () => {
      await session?.close();
    });

    afterEach(async function () {
      const test = this.currentTest;
      if (test?.state === 'failed' && session) {
        console.log(`      screenshot: ${await session.screenshot(`failed-names-${slug}-${slugify(test.title)}`)}`);
      }
    });

    it('underlines names in their type\'s colour, with no fill at rest, and the legend turns a type\'s underline off', async () => {
      const reader = readerFrame(workbenchPage(session));
      await pointerAway(reader);
      const macron = reader.locator('.entity-person', { hasText: 'Emmanuel Macron' }).first();
      const rest = await lookOf(macron);
      assert.equal(rest.line, 'underline', `a name at rest: ${JSON.stringify(rest)}`);
      assert.equal(rest.decoration, await swatchColour(reader, 'person'), 'underlined in the colour of the legend\'s People');
      assert.equal(rest.fillAlpha, 0, `no fill at rest: ${rest.fill}`);
      assert.equal(rest.color, rest.around, 'the name keeps the colour of the text around it');
      const thin = highContrast ? rest.thickness === 2 : rest.thickness >= 1 && rest.thickness <= 0.1 * rest.fontSize;
      assert.ok(thin, `a thin line: ${rest.thickness}px in ${rest.fontSize}px text`);
      // Each type in its own colour.
      const place = await lookOf(reader.locator('.entity-place').first());
      assert.equal(place.decoration, await swatchColour(reader, 'place'));
      assert.notEqual(place.decoration, rest.decoration);

      const people = reader.locator('.legend-item', { hasText: 'People' });
      await people.click();
      await reader.locator('#reader.hide-person').waitFor();
      await pointerAway(reader);
      const hidden = await lookOf(macron);
      assert.equal(hidden.line, 'none', 'a type turned off has no underline');
      assert.equal(hidden.fillAlpha, 0);
      await macron.hover();
      assert.equal((await lookOf(macron)).fillAlpha, 0, 'nor a fill under the pointer');
      await people.click();
      await reader.locator('#reader:not(.hide-person)').waitFor();
      assert.equal((await lookOf(macron)).line, 'underline', 'turned on again');
    });

    it('tints a name under the pointer and on keyboard focus, with a visible focus ring', async () => {
      const page = workbenchPage(session);
      const reader = readerFrame(page);
      const macron = reader.locator('.entity-person', { hasText: 'Emmanuel Macron' }).first();
      await macron.hover();
      const hovered = await lookOf(macron);
      assert.equal(hovered.line, 'underline');
      if (highContrast) {
        assert.equal(hovered.fillAlpha, 0, 'high contrast: no fill');
        assert.equal(hovered.outline, 'dashed', `high contrast: an outline under the pointer: ${JSON.stringify(hovered)}`);
      } else {
        assert.ok(hovered.fillAlpha > 0, `a fill under the pointer: ${hovered.fill}`);
        const contrast = await macron.evaluateAll(highlightContrasts);
        assert.ok(contrast.person >= 4.5, `text on the hover tint: ${contrast.person.toFixed(2)}:1`);
      }

      // Tab from the article goes to its first name.
      await pointerAway(reader);
      await reader.locator('article.article').evaluate((node) => (node as HTMLElement).focus());
      await page.keyboard.press('Tab');
      const focused = reader.locator('.entity:focus');
      await focused.waitFor();
      const look = await lookOf(focused);
      assert.equal(look.outline, 'solid', `a focus ring: ${JSON.stringify(look)}`);
      assert.ok(look.outlineWidth >= 1);
      assert.equal(look.line, 'underline');
      if (!highContrast) assert.ok(look.fillAlpha > 0, `a fill on focus: ${look.fill}`);
      await session?.screenshot(`names-focus-${slug}`);
      await reader.locator('.meta').click();
    });

    it('tints the marked mentions of a name, the current one strongest', async () => {
      const page = workbenchPage(session);
      const reader = readerFrame(page);
      const marked = reader.locator('.entity.selected');
      // A person and a place: the tints of two types (the dark themes' green is the lightest of the chart colours).
      for (const [type, name] of [['person', 'Putin'], ['place', 'Ukraina']] as const) {
        const mention = reader.locator(`.entity-${type}`, { hasText: name }).first();
        await mention.scrollIntoViewIfNeeded();
        await mention.click();
        await reader.locator('.selection-bar:not([hidden])', { hasText: /1 of \d+/ }).waitFor();
        assert.ok((await marked.count()) >= 2, `mentions of ${name} marked`);
        await pointerAway(reader);
        const current = await lookOf(reader.locator('.entity.selected.current'));
        const other = await lookOf(reader.locator('.entity.selected:not(.current)').first());
        assert.equal(other.line, 'underline');
        if (highContrast) {
          assert.equal(current.fillAlpha + other.fillAlpha, 0, 'high contrast: no fills');
          assert.equal(other.outline, 'dashed', 'marked mentions outlined');
          assert.equal(current.outline, 'solid', 'the current one outlined in a solid line');
          assert.ok(current.outlineWidth > other.outlineWidth, 'the current one strongest');
          assert.ok(other.thickness > 2, 'a heavier underline on marked mentions');
        } else {
          assert.ok(other.fillAlpha > 0, `marked mentions are tinted: ${other.fill}`);
          assert.ok(current.fillAlpha > other.fillAlpha, `the current one strongest: ${current.fill} over ${other.fill}`);
          assert.equal(current.outline, 'solid');
          const contrast = await reader.locator('.entity.selected.current').evaluateAll(highlightContrasts);
          assert.ok(contrast[type] >= 4.5, `text on the current ${type}: ${contrast[type].toFixed(2)}:1`);
          console.log(`      contrast on the current ${type}: ${contrast[type].toFixed(1)}:1`);
        }
        if (type === 'person') await session?.screenshot(`names-marked-${slug}`);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
        await marked.first().waitFor({ state: 'detached' });
      }
    });

    it('keeps annotation highlights a fill, over a name\'s underline', async () => {
      const page = workbenchPage(session);
      const reader = readerFrame(page);
      await dragOver(page, reader, 'Putin og Macron er enige om et møte');
      await reader.locator('.selection-toolbar').waitFor();
      await page.keyboard.press('1');
      const piece = reader.locator('.anno-yellow', { hasText: 'er enige om et' }).first();
      await piece.waitFor();
      await pointerAway(reader);
      const highlight = await lookOf(piece);
      assert.equal(highlight.fillAlpha, 1, `a solid fill: ${highlight.fill}`);
      assert.equal(highlight.line, 'none', 'no underline of its own');
      // A name inside the highlight is still underlined (its line runs through the highlight's pieces).
      const name = reader.locator('.entity:has(.anno-yellow), .anno-yellow .entity').first();
      await name.waitFor();
      assert.equal((await lookOf(name)).line, 'underline');
      await session?.screenshot(`names-annotated-${slug}`);
    });

    it('tints every name again when the setting says tint, at once in the open reader, keeping the legend\'s toggles', async () => {
      const s = session;
      assert.ok(s);
      const reader = readerFrame(s.page);
      const settings = join(s.workspacePath, '.vscode', 'settings.json');
      const macron = reader.locator('.entity-person', { hasText: 'Emmanuel Macron' }).first();
      // Places turned off in the legend stay off through the change.
      await reader.locator('.legend-item', { hasText: 'Places' }).click();
      await reader.locator('#reader.hide-place').waitFor();
      writeFileSync(settings, JSON.stringify({ ...SAMPLE_CORPUS_SETTINGS, 'annotatedReader.reader.entityStyle': 'tint' }, null, 2));
      await reader.locator('#reader.entity-style-tint').waitFor();
      assert.equal(await reader.locator('#reader.hide-place').count(), 1, 'the legend\'s toggles are kept');
      assert.equal(await reader.locator('.legend-item', { hasText: 'Places' }).getAttribute('aria-pressed'), 'false');
      await reader.locator('.legend-item', { hasText: 'Places' }).click();
      await reader.locator('#reader:not(.hide-place)').waitFor();
      await pointerAway(reader);
      const tinted = await lookOf(macron);
      if (highContrast) {
        // High contrast keeps its underline and no fills in either style.
        assert.equal(tinted.line, 'underline');
        assert.equal(tinted.fillAlpha, 0);
      } else {
        assert.ok(tinted.fillAlpha > 0, `every name filled at rest: ${tinted.fill}`);
        assert.equal(tinted.line, 'none');
        assert.match(tinted.shadow, /inset/, 'with the rule under it');
        // Names outside the highlight made above (the measure blends a tint over the page, not over a highlight).
        const contrasts = await reader.locator('.entity:not(.anno .entity):not(:has(.anno))').evaluateAll(highlightContrasts);
        assert.ok(Object.keys(contrasts).length >= 3, `types measured: ${JSON.stringify(contrasts)}`);
        for (const [type, ratio] of Object.entries(contrasts)) assert.ok(ratio >= 4.5, `${type} tint: contrast ${ratio.toFixed(2)}:1`);
      }
      await macron.scrollIntoViewIfNeeded();
      await s.screenshot(`names-tint-${slug}`);

      writeFileSync(settings, JSON.stringify(SAMPLE_CORPUS_SETTINGS, null, 2));
      await reader.locator('#reader:not(.entity-style-tint)').waitFor();
      const back = await lookOf(macron);
      assert.equal(back.line, 'underline');
      assert.equal(back.fillAlpha, 0);
    });
  });
}
