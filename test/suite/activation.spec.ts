import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/vscode/constants';

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
});
