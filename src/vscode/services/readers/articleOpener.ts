import type * as vscode from 'vscode';
import type { TextRange } from '../../../webview/protocol';

/** How a reader is asked to open an article. */
export interface OpenOptions {
  readonly newTab?: boolean;
  readonly preserveFocus?: boolean;
  /** Bring this range into view and mark it. */
  readonly reveal?: TextRange;
  /** Search matches to highlight. */
  readonly marks?: readonly TextRange[];
  /** The annotation at `reveal`: focused, and with `openNote` its note opened. */
  readonly annotationId?: string;
  readonly openNote?: boolean;
}

/**
 * What other features need of the readers: open an article (at a range), and which article the user reads. The
 * reader feature provides it (`ReaderManager`); the features that open articles (search, annotations, quotes)
 * depend on this and not on the reader, so that no feature imports another.
 */
export interface ArticleOpener {
  open(uri: vscode.Uri, options?: OpenOptions): Promise<void>;
  readonly active: { readonly uri: vscode.Uri | undefined } | undefined;
}
