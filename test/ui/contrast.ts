// Measured in the reader's page: WCAG contrast of text over the highlights drawn under it.

/**
 * In the page: the lowest contrast ratio (WCAG) of text over its highlight,
 * per entity type, the highlight blended over the page background.
 */
export function highlightContrasts(nodes: Element[]): Record<string, number> {
  type Rgba = [number, number, number, number];
  const parse = (css: string): Rgba | undefined => {
    const rgb = /rgba?\(([^)]+)\)/.exec(css);
    if (rgb) {
      const [r, g, b, a = 1] = rgb[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return [r / 255, g / 255, b / 255, a];
    }
    const srgb = /color\(srgb ([^)]+)\)/.exec(css);
    if (srgb) {
      const [r, g, b, a = 1] = srgb[1].split(/[\s/]+/).filter(Boolean).map(Number);
      return [r, g, b, a];
    }
    return undefined;
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1) as Rgba;
  const luminance = ([r, g, b]: Rgba) => {
    const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const hex = (css: string): Rgba | undefined => {
    const m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(css.trim());
    return m ? [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16) / 255).concat(m[2] ? parseInt(m[2], 16) / 255 : 1) as Rgba : undefined;
  };
  // The page's own background, else the editor background the webview is given.
  const page =
    [document.body, document.documentElement].map((node) => parse(getComputedStyle(node).backgroundColor)).find((c) => c !== undefined && c[3] > 0) ??
    hex(getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-background'));
  if (!page) throw new Error('no page background to measure against');
  const result: Record<string, number> = {};
  for (const node of nodes) {
    const style = getComputedStyle(node);
    const text = parse(style.color);
    const highlight = parse(style.backgroundColor) ?? [0, 0, 0, 0];
    if (!text) continue;
    const background = over(highlight, page);
    const [light, dark] = [luminance(over(text, background)), luminance(background)].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    const type = (node as HTMLElement).dataset.type ?? 'unknown';
    result[type] = Math.min(result[type] ?? Infinity, ratio);
  }
  return result;
}
