import * as vscode from 'vscode';
import { type AnnotationContent, contentOf, shortQuote } from '../../core/annotations/model';
import type { ArticleDocuments } from '../services/entities/articleDocuments';
import { Disposable } from '../util/disposable';
import type { AnnotationService } from '../services/annotations/annotationService';
import { userMarkdown } from '../util/markdown';

export const COMMENT_CONTROLLER_ID = 'annotatedReader.annotations';

/** A note (`reply` undefined) or one of its replies (named by its created time), as a comment. */
export class AnnotationComment implements vscode.Comment {
  mode = vscode.CommentMode.Preview;
  body: vscode.MarkdownString | string;
  /** The text before an edit began, for Cancel. */
  private saved: string;

  constructor(
    readonly annotationId: string,
    readonly reply: string | undefined,
    readonly text: string,
    readonly author: vscode.CommentAuthorInformation,
    readonly timestamp: Date | undefined,
    readonly label: string | undefined,
    readonly contextValue: string,
  ) {
    this.body = markdown(text);
    this.saved = text;
  }

  startEditing(): void {
    this.body = this.saved;
    this.mode = vscode.CommentMode.Editing;
  }

  cancelEditing(): void {
    this.body = markdown(this.saved);
    this.mode = vscode.CommentMode.Preview;
  }

  /** The text as edited. */
  get edited(): string {
    return typeof this.body === 'string' ? this.body : this.body.value;
  }
}

/** What the integration tests and other extensions can see of a thread. */
export interface ThreadInfo {
  readonly annotationId: string;
  readonly range: vscode.Range;
  readonly comments: readonly string[];
  readonly label: string | undefined;
  /** The thread itself, as the comment widgets pass it to our commands. */
  readonly thread: vscode.CommentThread;
}

/**
 * Annotations in the text editor: each one placed in an open article file
 * is a comment thread there (VS Code's Comments API), its note the first
 * comment and its replies the rest. Notes and replies are edited and
 * written there too; both the reader and the editor show every change. A
 * new thread on an article file (the gutter's +) becomes a new annotation.
 */
export class AnnotationComments extends Disposable {
  private readonly controller: vscode.CommentController;
  /** Threads by document URI, then by annotation id. */
  private readonly threads = new Map<string, Map<string, vscode.CommentThread>>();
  private readonly annotationOf = new WeakMap<vscode.CommentThread, string>();
  private readonly threadOf = new WeakMap<AnnotationComment, vscode.CommentThread>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly service: AnnotationService,
    private readonly documents: ArticleDocuments,
  ) {
    super();
    this.controller = this.register(vscode.comments.createCommentController(COMMENT_CONTROLLER_ID, 'Annotations'));
    this.controller.options = { prompt: 'Write a note or a reply…', placeHolder: 'A note on these words, or a reply (Markdown)' };
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: (document) => {
        const article = this.documents.get(document);
        return article && !service.readOnlyReason ? [article.range(0, article.article.text.length)] : [];
      },
    };
    this.register(service.onDidChange(() => this.syncAll()));
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document)));
    this.register(vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.clear(document.uri.toString())));
    this.register({ dispose: () => this.timers.forEach((timer) => clearTimeout(timer)) });
    this.syncAll();
  }

  /** The threads shown on a document. */
  threadsOf(uri: string): ThreadInfo[] {
    return [...(this.threads.get(uri) ?? [])].map(([annotationId, thread]) => ({
      annotationId,
      range: thread.range ?? new vscode.Range(0, 0, 0, 0),
      comments: thread.comments.map((comment) => (typeof comment.body === 'string' ? comment.body : comment.body.value)),
      label: thread.label,
      thread,
    }));
  }

  private syncAll(): void {
    for (const document of vscode.workspace.textDocuments) this.sync(document);
  }

  /** Edits are synced once typing pauses: anchoring runs over the whole text. */
  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) this.sync(document);
      }, 300),
    );
  }

  private readonly syncs = new Map<string, number>();

  private sync(document: vscode.TextDocument): void {
    void this.syncNow(document);
  }

  private async syncNow(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const sequence = (this.syncs.get(key) ?? 0) + 1;
    this.syncs.set(key, sequence);
    const article = this.documents.get(document);
    // Placed off the host's thread for a large article: a newer edit (or close) meanwhile makes this sync moot.
    const placement = article ? await this.service.placeIn(key, article.article.text) : undefined;
    if (this.isDisposed || this.syncs.get(key) !== sequence || document.isClosed) return;
    const placed = placement?.placed ?? [];
    const review = (placement?.review ?? []).filter((item) => item.suggestion);
    if (!article || placed.length + review.length === 0) {
      this.clear(key);
      return;
    }
    const threads = this.threads.get(key) ?? new Map<string, vscode.CommentThread>();
    this.threads.set(key, threads);
    const colours = this.service.colours();
    const readOnly = this.service.readOnlyReason !== undefined;
    const seen = new Set<string>();
    for (const { annotation, start, end } of placed) {
      seen.add(annotation.id);
      const content = contentOf(annotation);
      const range = article.range(start, end);
      const thread = this.threadAt(threads, annotation.id, document.uri, range);
      // A comment being edited is left alone until it is saved or cancelled.
      if (thread.comments.some((comment) => comment.mode === vscode.CommentMode.Editing)) continue;
      const known = colours.some((c) => c.name === content.colour);
      const tags = content.tags.map((tag) => `#${tag}`).join(' ');
      const author = { name: [content.colour || 'Highlight', tags].filter(Boolean).join(' · ') };
      // Each comment says what its own buttons may do: menus that wait on the thread's context can come up empty in the workbench.
      const suffix = readOnly ? '.readOnly' : '';
      const note = new AnnotationComment(annotation.id, undefined, content.note, author, new Date(annotation.created), content.note ? undefined : 'no note yet', `note${suffix}`);
      const replies = content.replies.map(
        (reply) => new AnnotationComment(annotation.id, reply.created, reply.text, { name: 'Reply' }, new Date(reply.created), undefined, `reply${suffix}`),
      );
      const comments = [note, ...replies];
      for (const comment of comments) this.threadOf.set(comment, thread);
      // The thread's own state first, then its comments, so that they are drawn with it.
      thread.label = `${known || !content.colour ? '' : '(not in the settings) '}“${shortQuote(annotation, 60)}”`;
      thread.contextValue = readOnly ? 'annotation.readOnly' : 'annotation';
      thread.canReply = !readOnly;
      thread.comments = comments;
    }
    // An uncertain place: a thread at the suggested words, not a highlight; its comment accepts or dismisses it.
    for (const { annotation, reason, suggestion } of review) {
      if (!suggestion) continue;
      seen.add(annotation.id);
      const content = contentOf(annotation);
      const range = article.range(suggestion.start, suggestion.end);
      const thread = this.threadAt(threads, annotation.id, document.uri, range);
      const text = [`**Needs review:** ${reason}. Is this where the annotation on “${escapeMarkdown(shortQuote(annotation, 80))}” belongs now?`, content.note.trim() ? `\n\n${content.note}` : ''].join('');
      const comment = new AnnotationComment(annotation.id, undefined, text, { name: `Suggested place · ${content.colour || 'Highlight'}` }, new Date(annotation.modified), 'uncertain', readOnly ? 'suggestion.readOnly' : 'suggestion');
      this.threadOf.set(comment, thread);
      thread.label = `Needs review: “${shortQuote(annotation, 60)}”`;
      thread.contextValue = 'review';
      thread.canReply = false;
      thread.comments = [comment];
    }
    for (const [id, thread] of threads) {
      if (!seen.has(id)) {
        thread.dispose();
        threads.delete(id);
      }
    }
  }

  /** The annotation's thread in `threads`, made if it has none yet, at `range`. */
  private threadAt(threads: Map<string, vscode.CommentThread>, id: string, uri: vscode.Uri, range: vscode.Range): vscode.CommentThread {
    let thread = threads.get(id);
    if (!thread) {
      thread = this.controller.createCommentThread(uri, range, []);
      thread.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
      threads.set(id, thread);
      this.annotationOf.set(thread, id);
    } else if (!thread.range?.isEqual(range)) thread.range = range;
    return thread;
  }

  private clear(key: string): void {
    const threads = this.threads.get(key);
    if (!threads) return;
    for (const thread of threads.values()) thread.dispose();
    this.threads.delete(key);
  }

  // ---- commands from the comment widgets ----

  /** Reply: a reply to an annotation's note, or on a new thread (the gutter's +) a new annotation. */
  async reply(reply: vscode.CommentReply): Promise<void> {
    const text = reply.text.trim();
    const id = this.annotationOf.get(reply.thread);
    if (id) {
      const annotation = this.service.get(id);
      if (!annotation || !text) return;
      const content = contentOf(annotation);
      // A highlight without a note: what is written first is its note.
      if (!content.note.trim()) {
        await this.service.update(id, { ...content, note: text });
        return;
      }
      // A reply is named by its created time: two never share one.
      let created = Date.now();
      while (content.replies.some((r) => r.created === new Date(created).toISOString())) created++;
      await this.service.update(id, { ...content, replies: [...content.replies, { text, created: new Date(created).toISOString() }] });
      return;
    }
    // A new thread: annotate its range (the selection, or the lines it was opened on).
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === reply.thread.uri.toString());
    const article = document && this.documents.get(document);
    const range = reply.thread.range;
    reply.thread.dispose();
    if (!document || !article || !range) return;
    const whole = range.isEmpty ? document.lineAt(range.start.line).range : range;
    const from = article.coordinates.offsetAt(whole.start);
    const to = article.coordinates.offsetAt(whole.end);
    // Only article text: a range wholly in the header line's ` date YYYY-MM ` is refused, one that starts there begins at the text.
    if (to < 0) {
      void vscode.window.showInformationMessage('Annotated Reader: the header line (" date YYYY-MM") is not article text; annotate the text after it.');
      return;
    }
    let start = from < 0 ? 0 : from;
    let end = to;
    const body = article.article.text;
    while (start < end && /\s/.test(body[start])) start++;
    while (end > start && /\s/.test(body[end - 1])) end--;
    if (end <= start) {
      void vscode.window.showInformationMessage('Annotated Reader: there is no article text there to annotate.');
      return;
    }
    await this.service.create(document.uri, body, start, end, { note: text, tags: [], colour: this.service.colours()[0]?.name ?? '' });
  }

  edit(comment: AnnotationComment): void {
    const thread = this.threadOf.get(comment);
    if (!thread) return;
    comment.startEditing();
    thread.comments = [...thread.comments];
  }

  cancel(comment: AnnotationComment): void {
    const thread = this.threadOf.get(comment);
    if (!thread) return;
    comment.cancelEditing();
    thread.comments = [...thread.comments];
  }

  async save(comment: AnnotationComment): Promise<void> {
    const annotation = this.service.get(comment.annotationId);
    const thread = this.threadOf.get(comment);
    if (!annotation) return;
    const content = contentOf(annotation);
    const text = comment.edited;
    let next: AnnotationContent;
    if (comment.reply === undefined) next = { ...content, note: text };
    else {
      // The reply as it is now, found by when it was written (others may have been deleted meanwhile).
      if (!content.replies.some((reply) => reply.created === comment.reply)) {
        void vscode.window.showWarningMessage('That reply was deleted meanwhile; your edit was not saved.');
        return;
      }
      next = { ...content, replies: content.replies.map((reply) => (reply.created === comment.reply ? { ...reply, text } : reply)) };
    }
    comment.mode = vscode.CommentMode.Preview;
    if (thread) thread.comments = [...thread.comments];
    await this.service.update(annotation.id, next);
  }

  /** Deletes a reply, or (the note) the whole annotation. */
  async delete(comment: AnnotationComment): Promise<void> {
    const annotation = this.service.get(comment.annotationId);
    if (!annotation) return;
    if (comment.reply === undefined) {
      await deleteWithUndo(this.service, annotation.id);
      return;
    }
    const content = contentOf(annotation);
    await this.service.update(annotation.id, { ...content, replies: content.replies.filter((reply) => reply.created !== comment.reply) });
  }

  async deleteThread(thread: vscode.CommentThread): Promise<void> {
    const id = this.annotationOf.get(thread);
    if (id) await deleteWithUndo(this.service, id);
    else thread.dispose();
  }
}

/** Deletes an annotation and offers to put it back. */
export async function deleteWithUndo(service: AnnotationService, id: string): Promise<void> {
  const removed = await service.remove(id);
  if (!removed) return;
  const choice = await vscode.window.showInformationMessage(`Deleted the annotation on “${shortQuote(removed, 50)}”.`, 'Undo');
  if (choice === 'Undo') await service.restore(id);
}

/** Article text in Markdown: taken literally. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

function markdown(text: string): vscode.MarkdownString {
  // The user's own Markdown; no command links, no HTML, no theme icons.
  return userMarkdown(text || '*No note.*');
}
