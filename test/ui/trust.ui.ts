// UI test of Restricted Mode: the workspace's own knowledge base is not read until the workspace is trusted,
// and once it is, its text shows in the Entities view's tooltip as text (theme icons, links and HTML included).
import * as assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'mocha';
import type { Locator, Page } from 'playwright-core';
import { launchWorkbench, type WorkbenchSession } from '../harness/launchWorkbench';
import { runCommand } from './helpers';

const EXTENSION_READY_TIMEOUT_MS = 60_000;
/** A description that tries a theme icon, a command link and HTML. */
const HOSTILE = 'Farlig $(zap) [kjør](command:workbench.action.terminal.new) <img src=x>';
const KNOWLEDGE_BASE = JSON.stringify({
  entities: [{ id: 'testputin', name: 'Vladimir V. Testputin', type: 'person', aliases: ['Vladimir Putin', 'Putin'], description: HOSTILE }],
});

describe('Restricted Mode and the workspace knowledge base', () => {
  let session: WorkbenchSession | undefined;

  before(async () => {
    session = await launchWorkbench({
      colorTheme: 'Default Light Modern',
      label: 'trust',
      workspaceTrust: true,
      workspaceFiles: { '.annotated-reader/knowledge-base.json': KNOWLEDGE_BASE },
    });
  });

  after(async () => {
    await session?.close();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) console.log(`      screenshot: ${await session.screenshot(`failed-trust-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`)}`);
  });

  it("does not read the workspace's knowledge base in Restricted Mode, and says so in the log", async () => {
    assert.ok(session);
    const page = session.page;
    // Opening its view activates the extension.
    const entities = await openEntitiesView(page);
    await session.waitForExtensionLog(/Restricted Mode: the workspace's knowledge base \.annotated-reader\/knowledge-base\.json is not loaded/, EXTENSION_READY_TIMEOUT_MS);
    // The bundled knowledge base names Putin; the workspace's would have renamed him.
    await entities.getByRole('treeitem', { name: /^Vladimir Putin, Person, \d+ articles/ }).waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
    assert.equal(await entities.getByRole('treeitem', { name: /Testputin/ }).count(), 0);
    await session.screenshot('trust-restricted');
  });

  it('reads it once the workspace is trusted, and shows its description as text in the tooltip', async () => {
    assert.ok(session);
    const page = session.page;
    await runCommand(page, 'Workspaces: Manage Workspace Trust');
    await page.getByRole('button', { name: 'Trust', exact: true }).first().click();
    await session.waitForExtensionLog(/The workspace is trusted now: reading its knowledge base\./);
    // The trust editor opens as a modal over the workbench: closed again.
    const modal = page.locator('.monaco-modal-editor-block');
    await modal.locator('.codicon-close, .codicon-x').first().click();
    await modal.waitFor({ state: 'detached' });
    const entities = await openEntitiesView(page);
    const row = entities.getByRole('treeitem', { name: /^Vladimir V\. Testputin, Person, \d+ articles/ });
    await row.waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
    await row.hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Farlig' }).first();
    await hover.waitFor();
    const text = await hover.innerText();
    assert.ok(text.includes(HOSTILE), text);
    assert.equal(await hover.locator('.codicon-zap').count(), 0, 'no zap icon');
    assert.equal(await hover.locator('a, img').count(), 0, 'no link, no image');
    await session.screenshot('trust-granted-tooltip');
  });
});

async function openEntitiesView(page: Page): Promise<Locator> {
  const entities = page.locator('.sidebar').getByRole('tree', { name: /^Entities/ });
  if (!(await entities.isVisible())) await page.locator('.activitybar [aria-label^="Annotated Reader"]').first().click({ timeout: EXTENSION_READY_TIMEOUT_MS });
  await entities.waitFor({ timeout: EXTENSION_READY_TIMEOUT_MS });
  return entities;
}

