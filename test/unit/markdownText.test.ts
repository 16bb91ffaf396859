import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { escapeMarkdownText, escapeThemeIcons } from '../../src/core/markdownText';
import { repoRoot } from './helpers';

/** VS Code's theme-icon syntax, as its renderer finds it (`(\\)?` marks an escaped one). */
const ICON = /(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g;

/**
 * What VS Code's Markdown renderer shows for Markdown source made only of
 * text, backslash escapes, `&nbsp;` and paragraph breaks, the way it
 * renders hovers: its icon pre-pass over the source (`\$(x)` becomes
 * `\\$(x)`), the Markdown (escapes resolved), then its icon pass over the
 * result (an unescaped `$(x)` becomes an icon, shown here as ⟦icon:x⟧).
 * It refuses source with any other Markdown in it: an unescaped ASCII
 * punctuation character could start emphasis, code, a link, HTML or a
 * heading.
 */
function render(source: string, themeIcons: boolean): string {
  const prepared = themeIcons ? source.replace(/\\\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g, (icon) => `\\${icon}`) : source;
  let text = '';
  for (let i = 0; i < prepared.length; i++) {
    const ch = prepared[i];
    if (ch === '\\' && /[!-/:-@[-`{-~]/.test(prepared[i + 1] ?? '')) {
      text += prepared[++i];
    } else if (prepared.startsWith('&nbsp;', i)) {
      text += ' ';
      i += 5;
    } else if (prepared.startsWith('\n\n', i)) {
      text += '\n';
      i += 1;
    } else if (/[!-/:-@[-`{-~\n\t]/.test(ch)) {
      throw new Error(`unescaped ${JSON.stringify(ch)} at ${i} of ${JSON.stringify(source)}`);
    } else {
      text += ch;
    }
  }
  return themeIcons ? text.replace(ICON, (whole, escaped: string | undefined, name: string) => (escaped ? whole.slice(1) : `⟦icon:${name}⟧`)) : text;
}

/** The text as it should read: line breaks as one, tabs as four spaces. */
const asShown = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\n+/g, '\n').replace(/\t/g, '    ');

describe('escapeMarkdownText', () => {
  // [hostile text, Markdown source with theme icons on]
  const table: [string, string][] = [
    ['$(zap)', '\\\\\\$\\(zap\\)'],
    ['$(sync~spin) lader', '\\\\\\$\\(sync\\~spin\\) lader'],
    ['[x](command:workbench.action.terminal.new)', '\\[x\\]\\(command\\:workbench\\.action\\.terminal\\.new\\)'],
    ['<img src=x onerror=alert(1)>', '\\<img src\\=x onerror\\=alert\\(1\\)\\>'],
    ['`kode` og ```blokk```', '\\`kode\\` og \\`\\`\\`blokk\\`\\`\\`'],
    ['*uthevet* og **fet**', '\\*uthevet\\* og \\*\\*fet\\*\\*'],
    ['_under_ strek', '\\_under\\_ strek'],
    ['C:\\mappe\\fil', 'C\\:\\\\mappe\\\\fil'],
    ['\\$(zap)', '\\\\\\\\\\$\\(zap\\)'],
    ['# Overskrift', '\\# Overskrift'],
    ['1. punkt', '1\\. punkt'],
    ['- punkt', '\\- punkt'],
    ['> sitat', '\\> sitat'],
    ['https://evil.example/x', 'https\\:\\/\\/evil\\.example\\/x'],
    ['&lt;b&gt;', '\\&lt\\;b\\&gt\\;'],
    ['    kodeblokk', '&nbsp;&nbsp;&nbsp;&nbsp;kodeblokk'],
    ['\tfane', '&nbsp;&nbsp;&nbsp;&nbsp;fane'],
    ['Linje én\nLinje to\r\nLinje tre', 'Linje én\n\nLinje to\n\nLinje tre'],
    ['a | b', 'a \\| b'],
    ['Støre, Ålesund og Bærum', 'Støre\\, Ålesund og Bærum'],
  ];
  for (const [text, source] of table) {
    it(`takes ${JSON.stringify(text)} literally`, () => {
      assert.equal(escapeMarkdownText(text, { themeIcons: true }), source);
      assert.equal(render(source, true), asShown(text));
    });
  }

  it('adds no backslash before an icon where icons are not rendered', () => {
    assert.equal(escapeMarkdownText('$(zap) Putin', { themeIcons: false }), '\\$\\(zap\\) Putin');
    assert.equal(render(escapeMarkdownText('$(zap) Putin', { themeIcons: false }), false), '$(zap) Putin');
  });

  it('would let the icon through if it did not escape icons (the old order of appendText and supportThemeIcons)', () => {
    // The renderer model catches the bug this guards against.
    assert.equal(render(escapeMarkdownText('$(zap)', { themeIcons: false }), true), '⟦icon:zap⟧');
  });

  // Text biased towards the characters Markdown and icons are made of.
  const hostile = fc
    .array(
      fc.oneof(
        fc.constantFrom('$(zap)', '$(sync~spin)', '\\', '$', '(', ')', '[', ']', '<', '>', '`', '*', '_', '#', '!', '&', ';', ':', '|', '~', '-', '.', '\n', '\r\n', '\t', '    ', ' ', 'ø', 'Å'),
        fc.string({ maxLength: 4 }),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));

  for (const themeIcons of [true, false]) {
    it(`renders any text as exactly that text, with no icon, link or markup (theme icons ${themeIcons ? 'on' : 'off'})`, () => {
      fc.assert(
        fc.property(hostile, (text) => {
          assert.equal(render(escapeMarkdownText(text, { themeIcons }), themeIcons), asShown(text));
        }),
        { numRuns: 2000 },
      );
    });
  }
});

describe('escapeThemeIcons (quick pick rows)', () => {
  /** VS Code's renderLabelWithIcons: an escaped `$(x)` shows as text, any other becomes an icon (⟦icon:x⟧ here). */
  const renderLabel = (label: string) => label.replace(ICON, (whole, escaped: string | undefined, name: string) => (escaped ? whole.slice(1) : `⟦icon:${name}⟧`));

  const table: [string, string][] = [
    ['$(zap) Putin', '\\$(zap) Putin'],
    ['Før $(sync~spin) og $(book)', 'Før \\$(sync~spin) og \\$(book)'],
    ['$(not an icon) [x](y) *z*', '$(not an icon) [x](y) *z*'],
    ['Støre', 'Støre'],
  ];
  for (const [text, label] of table) {
    it(`shows ${JSON.stringify(text)} as text in a label`, () => {
      assert.equal(escapeThemeIcons(text), label);
      assert.equal(renderLabel(label), text);
    });
  }

  it('shows any text as exactly that text, with no icon', () => {
    const texts = fc.array(fc.oneof(fc.constantFrom('$(zap)', '$(a~spin)', '$', '(', ')', '\\', 'x', ' '), fc.string({ maxLength: 3 })), { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(texts, (text) => {
        // A backslash the text itself puts before an icon is the one case VS Code reads as an escape: not generated here.
        fc.pre(!/\\\$\(/.test(text));
        assert.equal(renderLabel(escapeThemeIcons(text)), text);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Markdown in the extension', () => {
  it('is built in one place: no file of src/vscode but util/markdown.ts makes a MarkdownString or appends to one', () => {
    const root = join(repoRoot, 'src', 'vscode');
    const offenders = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.ts') && path.split(/[\\/]/).join('/') !== 'util/markdown.ts')
      .filter((path) => /new vscode\.MarkdownString|\.appendMarkdown\(|\.appendText\(|supportThemeIcons\s*=/.test(readFileSync(join(root, path), 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
