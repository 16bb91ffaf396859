/**
 * Highlight colours. The user names what each colour means (setting
 * `annotatedReader.annotations.colours`); the colours themselves are a fixed
 * palette that the reader and the editor draw from the theme (the workbench's
 * chart colours), so highlights stay readable in every theme.
 */

export const PALETTE = ['yellow', 'green', 'blue', 'red', 'purple', 'orange'] as const;
export type PaletteColour = (typeof PALETTE)[number];

export interface HighlightColour {
  /** What the colour means, as the user named it; stored on each annotation. */
  readonly name: string;
  readonly colour: PaletteColour;
}

export const DEFAULT_COLOURS: readonly HighlightColour[] = [
  { name: 'Key claim', colour: 'yellow' },
  { name: 'Question', colour: 'blue' },
  { name: 'Evidence', colour: 'green' },
  { name: 'Disputed', colour: 'red' },
];

const MAX_COLOURS = 9;
const MAX_NAME = 40;

/**
 * The colours from the setting's value: entries with a name and a palette
 * colour, each name once, at most nine (one per number key). Anything else is
 * skipped with a problem; nothing usable gives the defaults.
 */
export function parseColours(value: unknown): { colours: readonly HighlightColour[]; problems: readonly string[] } {
  if (value === undefined) return { colours: DEFAULT_COLOURS, problems: [] };
  if (!Array.isArray(value)) return { colours: DEFAULT_COLOURS, problems: ['the setting is not a list; the default colours are used'] };
  const colours: HighlightColour[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  value.forEach((entry: unknown, index) => {
    const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const name = typeof record.name === 'string' ? record.name.trim().replace(/\s+/g, ' ').slice(0, MAX_NAME) : '';
    const colour = PALETTE.find((c) => c === record.colour);
    if (!name || !colour) problems.push(`entry ${index + 1} needs a "name" and a "colour" (one of ${PALETTE.join(', ')})`);
    else if (seen.has(name.toLowerCase())) problems.push(`"${name}" is named twice`);
    else if (colours.length >= MAX_COLOURS) problems.push(`only ${MAX_COLOURS} colours are used; "${name}" is left out`);
    else {
      seen.add(name.toLowerCase());
      colours.push({ name, colour });
    }
  });
  return colours.length ? { colours, problems } : { colours: DEFAULT_COLOURS, problems: [...problems, 'no usable colour; the default colours are used'] };
}

/** The palette colour of an annotation's colour name; names no longer in the settings keep a neutral look. */
export function paletteColourOf(colours: readonly HighlightColour[], name: string): PaletteColour | undefined {
  return colours.find((c) => c.name === name)?.colour;
}

/**
 * The theme colour a palette colour is drawn in (package.json
 * `contributes.colors`): `annotatedReader.highlightGreen` for `green`. One
 * dot only: webviews get a theme colour as `--vscode-` + its id with the
 * first dot made a dash, so a second dot would end up in the variable's name.
 */
export function highlightColourId(colour: PaletteColour | 'foreground'): string {
  return `annotatedReader.highlight${colour[0].toUpperCase()}${colour.slice(1)}`;
}

/** The CSS variable a webview gets for `highlightColourId(colour)`. */
export function highlightCssVariable(colour: PaletteColour | 'foreground'): string {
  return `--vscode-${highlightColourId(colour).replace('.', '-')}`;
}
