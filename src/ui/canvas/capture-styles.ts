/**
 * The CSS properties an exported image carries. html-to-image inlines every computed property of
 * every element by default, some 400, which made a 300-resource design a 58 MB SVG and a
 * 40-second capture; the canvas uses only these (layout, box, text, SVG paint), so the picture is
 * the same at a fraction of the size and time.
 *
 * html-to-image copies an <svg>'s children as they are (only the <svg> itself gets computed
 * styles), so inline `var(--...)` references inside, such as an edge's stroke, need their custom
 * properties carried too: `captureStyleProperties` adds the app's and React Flow's.
 */
export const CAPTURE_STYLE_PROPERTIES: readonly string[] = [
  // layout
  'display', 'position', 'top', 'right', 'bottom', 'left', 'z-index', 'float', 'box-sizing',
  'width', 'height', 'min-width', 'min-height', 'max-width', 'max-height', 'aspect-ratio',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'flex-direction', 'flex-wrap', 'flex-grow', 'flex-shrink', 'flex-basis', 'order',
  'align-items', 'align-self', 'align-content', 'justify-content', 'justify-items', 'justify-self', 'row-gap', 'column-gap',
  'grid-template-columns', 'grid-template-rows', 'grid-column-start', 'grid-column-end', 'grid-row-start', 'grid-row-end', 'grid-auto-flow',
  'overflow-x', 'overflow-y', 'transform', 'transform-origin', 'visibility', 'opacity', 'object-fit',
  // box
  'background-color', 'background-image', 'background-size', 'background-position', 'background-repeat', 'background-clip',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
  'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color',
  'border-top-left-radius', 'border-top-right-radius', 'border-bottom-right-radius', 'border-bottom-left-radius',
  'outline-width', 'outline-style', 'outline-color', 'outline-offset', 'box-shadow', 'filter',
  // text
  'color', 'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant-numeric', 'line-height', 'letter-spacing',
  'text-align', 'text-transform', 'text-decoration-line', 'text-decoration-color', 'text-decoration-style', 'text-overflow',
  'white-space', 'white-space-collapse', 'text-wrap-mode', 'word-break', 'overflow-wrap', 'vertical-align',
  // SVG paint (edges, arrowheads, icons)
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin',
];

/**
 * The properties above plus the custom properties an SVG's children may need: the app's own
 * (`--tierwise-*`, a handful) and any other one their inline styles refer to. Every property is
 * copied onto every element, so the long list of React Flow's `--xy-*` defaults stays out.
 */
export function captureStyleProperties(root: Element): string[] {
  const computed = getComputedStyle(root);
  const names = new Set(Array.from({ length: computed.length }, (_, i) => computed.item(i)).filter((name) => name.startsWith('--tierwise-')));
  for (const el of root.querySelectorAll('svg [style*="var(--"]')) {
    for (const m of (el.getAttribute('style') ?? '').matchAll(/var\((--[\w-]+)/g)) names.add(m[1]!);
  }
  return [...CAPTURE_STYLE_PROPERTIES, ...names];
}
