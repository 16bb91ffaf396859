import * as vscode from 'vscode';
import { escapeMarkdownText } from '../../core/markdownText';

/**
 * The one way this extension builds Markdown for hovers and tooltips. Text
 * from the corpus, a knowledge base or the user goes in through `text` (and
 * link labels), escaped before it is appended: Markdown, HTML, links and
 * theme icons in it stay literal. `markdown` is for this extension's own
 * fixed markup only (`**`, line breaks, `$(warning)`), never for such text.
 * Theme icons are on from the start, HTML is off, and command links run only
 * the commands named, so an escaping mistake cannot run anything else.
 */
export class SafeMarkdown {
  private readonly value: vscode.MarkdownString;

  constructor(options: { readonly commands?: readonly string[] } = {}) {
    this.value = new vscode.MarkdownString('', true);
    this.value.supportHtml = false;
    this.value.isTrusted = options.commands?.length ? { enabledCommands: [...options.commands] } : false;
  }

  /** Text taken literally, whatever it holds. */
  text(text: string): this {
    this.value.appendMarkdown(escapeMarkdownText(text, { themeIcons: true }));
    return this;
  }

  /** Text in bold. */
  bold(text: string): this {
    return this.markdown('**').text(text).markdown('**');
  }

  /** Text in italics. */
  italic(text: string): this {
    return this.markdown('*').text(text).markdown('*');
  }

  /** A theme icon of this extension's choosing. */
  icon(name: string): this {
    if (!/^[a-z0-9-]+(?:~[a-z]+)?$/.test(name)) throw new Error(`Not a theme icon name: ${name}`);
    return this.markdown(`$(${name})`);
  }

  /** A link that runs one of the commands allowed in the constructor with `args`; the label is text, taken literally. */
  commandLink(label: { readonly icon?: string; readonly text: string }, command: string, args: readonly unknown[], title?: string): this {
    // `(` and `)` too: Markdown would end the link at an unbalanced one.
    const target = `command:${command}?${encodeURIComponent(JSON.stringify(args)).replace(/\(/g, '%28').replace(/\)/g, '%29')}`;
    this.markdown('[');
    if (label.icon) this.icon(label.icon).markdown(' ');
    this.text(label.text).markdown(`](${target}${title ? ` "${title.replace(/["\\]/g, '')}"` : ''})`);
    return this;
  }

  /** This extension's own markup: constant strings only, never text from a file. */
  markdown(markup: string): this {
    this.value.appendMarkdown(markup);
    return this;
  }

  build(): vscode.MarkdownString {
    return this.value;
  }
}

/**
 * A note the user wrote, shown as the Markdown they wrote it in (comment
 * threads). It is not corpus or knowledge-base text, so it is not escaped,
 * but it can do no more than format: no command links, no HTML, and no theme
 * icons (`$(zap)` stays text).
 */
export function userMarkdown(text: string): vscode.MarkdownString {
  const value = new vscode.MarkdownString(text);
  value.isTrusted = false;
  value.supportHtml = false;
  value.supportThemeIcons = false;
  return value;
}
