import type { RenderData } from '../render-data.js';
import { chars, piecesXml, type OdtContext } from './odt-inline.js';
import { attr, text } from './xml.js';

const para = (style: string, content: string): string =>
  `<text:p text:style-name="${style}">${content}</text:p>`;

/**
 * The lists of figures and of tables, after the contents as in the PDF, each only when the
 * report has a numbered one. LibreOffice indexes over the caption sequences ("Figure",
 * "Table"), filled in already with "Abbildung 3: caption" so that they show before anybody
 * updates them; page numbers come with LibreOffice's first update, as the contents' do.
 */
export function captionIndexes(data: RenderData, ctx: OdtContext): string {
  const { labels } = data;
  return (
    (data.figures
      ? captionIndex('illustration', labels.figures, 'Figure', labels.figure, 'figure', ctx)
      : '') + (data.tables ? captionIndex('table', labels.tables, 'Table', labels.table, 'table', ctx) : '')
  );
}

function captionIndex(
  element: 'illustration' | 'table',
  title: string,
  sequence: string,
  word: string,
  kind: 'figure' | 'table',
  ctx: OdtContext,
): string {
  const name = `text:${element}-index`;
  const entries = ctx.numbers.captions
    .filter((caption) => caption.kind === kind)
    .map((caption) => {
      const quotes = ctx.quoter();
      quotes.after(':');
      return para(
        'ListEntry',
        `${chars(`${word} ${String(caption.number)}: `)}${piecesXml(caption.cap, ctx, quotes)}`,
      );
    })
    .join('');
  return (
    `<${name} text:name="${attr(title)}" text:protected="true">` +
    `<${name}-source text:caption-sequence-name="${sequence}" text:caption-sequence-format="text">` +
    `<text:index-title-template text:style-name="ListHeading">${text(title)}</text:index-title-template>` +
    `<${name}-entry-template text:style-name="ListEntry"><text:index-entry-text/>` +
    `<text:index-entry-tab-stop style:type="right" style:leader-char="."/><text:index-entry-page-number/></${name}-entry-template>` +
    `</${name}-source>` +
    `<text:index-body><text:index-title text:name="${attr(title)}_Head">${para('ListHeading', chars(title))}</text:index-title>${entries}</text:index-body>` +
    `</${name}>`
  );
}
