import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { heldBackNote, knowledgeBasesToRead, RESTRICTED_ADD_MESSAGE } from '../../src/core/entities/knowledgeBaseTrust';
import { repoRoot } from './helpers';

describe('knowledge bases and workspace trust', () => {
  const files = { configured: ['~/mine.kb.json', '/shared/team.kb.json'], workspace: ['a/.annotated-reader/knowledge-base.json', 'b/.annotated-reader/knowledge-base.json'] };

  // [trusted, read, held back]
  const table: [boolean, string[], string[]][] = [
    [true, [...files.configured, ...files.workspace], []],
    [false, files.configured, files.workspace],
  ];
  for (const [trusted, read, heldBack] of table) {
    it(`reads ${read.length} and holds back ${heldBack.length} files in a ${trusted ? 'trusted' : 'restricted'} workspace`, () => {
      assert.deepEqual(knowledgeBasesToRead(files, trusted), { read, heldBack });
    });
  }

  it('reads the user settings\' files in Restricted Mode also when there is no workspace folder', () => {
    assert.deepEqual(knowledgeBasesToRead({ configured: ['~/mine.kb.json'], workspace: [] }, false), { read: ['~/mine.kb.json'], heldBack: [] });
  });

  it('names the held-back file and says it loads once the workspace is trusted', () => {
    assert.equal(
      heldBackNote('.annotated-reader/knowledge-base.json'),
      "Restricted Mode: the workspace's knowledge base .annotated-reader/knowledge-base.json is not loaded while this workspace is not trusted. " +
        'It loads as soon as you trust the workspace (Manage Workspace Trust); until then the bundled knowledge base and those of your user settings are used.',
    );
    assert.match(RESTRICTED_ADD_MESSAGE, /Restricted Mode[\s\S]*Trust this workspace/);
  });

  it('offers Add to Knowledge Base in no menu of an untrusted workspace', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      contributes: { menus: Record<string, { command?: string; when?: string }[]> };
      capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
    };
    const entries = Object.entries(manifest.contributes.menus).flatMap(([menu, items]) =>
      items.filter((item) => item.command === 'annotatedReader.addToKnowledgeBase').map((item) => [menu, item.when ?? ''] as const),
    );
    assert.deepEqual(entries.map(([menu]) => menu).sort(), ['commandPalette', 'editor/context', 'view/item/context']);
    for (const [menu, when] of entries) assert.match(when, /(^|&& )isWorkspaceTrusted( &&|$)/, menu);
    // The corrections write the same file: offered in the same menus, only in a trusted workspace.
    for (const command of ['changeEntityType', 'fixEntityName', 'mergeEntity', 'markNotAName']) {
      const menus = Object.entries(manifest.contributes.menus).flatMap(([menu, items]) => items.filter((item) => item.command === `annotatedReader.${command}`).map((item) => [menu, item.when ?? ''] as const));
      assert.deepEqual(menus.map(([menu]) => menu).sort(), ['commandPalette', 'editor/context', 'view/item/context'], command);
      for (const [menu, when] of menus) assert.match(when, /(^|&& )isWorkspaceTrusted( &&|$)/, `${command} in ${menu}`);
      // On the Entities view's entities (rule-found or known), not on its type groups or concordance lines.
      const [, itemPattern] = /viewItem =~ \/(.+?)\/ /.exec(menus.find(([menu]) => menu === 'view/item/context')?.[1] ?? '') ?? [];
      const onItem = new RegExp(itemPattern);
      assert.deepEqual(['entity', 'entityUnknown', 'entityType', 'entityMention', 'moreEntities'].map((value) => onItem.test(value)), [true, true, false, false, false], command);
    }
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('annotatedReader.knowledgeBases'));
  });
});
