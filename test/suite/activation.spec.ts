import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/vscode/constants';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';

describe('Extension activation', () => {
  it('is installed in the extension host', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not loaded`);
  });

  it('activates and returns its API', async () => {
    const extension = vscode.extensions.getExtension<unknown>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    const api = await extension.activate();
    assert.equal(extension.isActive, true);
    assert.ok(typeof api === 'object' && api !== null, `activate() returned ${String(api)}, not an API object`);
  });

  it('starts the corpus when something needs it, and says what', async () => {
    const extension = vscode.extensions.getExtension<AnnotatedReaderApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    await api.corpus.whenLoaded();
    // The workbench of the tests shows no view of ours at first: what started it was an article open, a
    // command, a view shown, or a wait for the corpus (a test's), never activation alone.
    assert.match(api.index.startReason() ?? 'not started', /^(?:something waits for the corpus|its view (?:is visible|was shown)|an article file is open \(.+\)|the command annotatedReader\.\w+ ran)$/);
  });
});
