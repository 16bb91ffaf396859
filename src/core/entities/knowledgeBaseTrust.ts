/**
 * Workspace trust and the knowledge bases: a workspace's own
 * `.annotated-reader/knowledge-base.json` came with the folder, so in an
 * untrusted workspace (Restricted Mode) it is neither read nor written, as
 * the restricted settings are ignored; it is read once trust is granted.
 * The bundled knowledge base and those of the user's own settings are read
 * either way.
 */

export interface KnowledgeBaseFiles<T> {
  /** Files of the user's `annotatedReader.knowledgeBases` (VS Code already leaves out a workspace's value in Restricted Mode). */
  readonly configured: readonly T[];
  /** Each workspace folder's own file. */
  readonly workspace: readonly T[];
}

/** The files to read now, and those held back until the workspace is trusted. */
export function knowledgeBasesToRead<T>(files: KnowledgeBaseFiles<T>, trusted: boolean): { readonly read: readonly T[]; readonly heldBack: readonly T[] } {
  return trusted ? { read: [...files.configured, ...files.workspace], heldBack: [] } : { read: [...files.configured], heldBack: [...files.workspace] };
}

/** The note for the log when a workspace's knowledge base exists but is held back. */
export function heldBackNote(path: string): string {
  return (
    `Restricted Mode: the workspace's knowledge base ${path} is not loaded while this workspace is not trusted. ` +
    'It loads as soon as you trust the workspace (Manage Workspace Trust); until then the bundled knowledge base and those of your user settings are used.'
  );
}

/** What Add to Knowledge Base says when it is run in Restricted Mode anyway (from the Command Palette or a keybinding). */
export const RESTRICTED_ADD_MESSAGE =
  'Adding to the knowledge base writes to the workspace, which Restricted Mode does not allow. Trust this workspace (Manage Workspace Trust) to add names.';

/** What a correction (Change Type, Fix Name, Merge Into, Not a Name) says when it is run in Restricted Mode anyway. */
export const RESTRICTED_CORRECTION_MESSAGE =
  'Corrections are written to the workspace\'s knowledge base, which Restricted Mode does not allow. Trust this workspace (Manage Workspace Trust) to correct names.';
