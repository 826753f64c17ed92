import type { RenderEntryPiece } from '../citations.js';
import type { FootnotePiece, Pieces, RenderData, RenderInline } from '../render-data.js';
import type { FigureNumbers } from './figure-numbers.js';
import { Quoter } from '../quotes.js';
import { attr, text } from './xml.js';

/** The formatting of a run of text; every combination in use becomes one automatic text style. */
interface Format {
  b?: boolean;
  i?: boolean;
  u?: boolean;
  x?: boolean;
  v?: 'super' | 'sub';
}

/** The automatic text styles (T1, T2, …) of content.xml, made as the text needs them. */
export class SpanStyles {
  private readonly styles = new Map<string, { name: string; format: Format }>();

  /** The style of `format`; null for plain text, which needs no span. */
  name(format: Format): string | null {
    const key = `${format.b ? 'b' : ''}${format.i ? 'i' : ''}${format.u ? 'u' : ''}${format.x ? 'x' : ''}${format.v ?? ''}`;
    if (key === '') {
      return null;
    }
    let style = this.styles.get(key);
    if (!style) {
      style = { name: `T${this.styles.size + 1}`, format };
      this.styles.set(key, style);
    }
    return style.name;
  }

  xml(): string {
    return [...this.styles.values()]
      .map(({ name, format }) => {
        const props = [
          format.b ? 'fo:font-weight="bold" style:font-weight-complex="bold"' : '',
          format.i ? 'fo:font-style="italic" style:font-style-complex="italic"' : '',
          format.u
            ? 'style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"'
            : '',
          format.x ? 'style:text-line-through-style="solid" style:text-line-through-type="single"' : '',
          format.v ? `style:text-position="${format.v} 58%"` : '',
        ].filter(Boolean);
        return `<style:style style:name="${name}" style:family="text"><style:text-properties ${props.join(' ')}/></style:style>`;
      })
      .join('');
  }
}

/** What the serializer keeps while it writes content.xml: styles in use, running counters, numbers, image files. */
export class OdtContext {
  readonly spans = new SpanStyles();
  notes = 0;
  frames = 0;
  tables = 0;

  constructor(
    readonly data: RenderData,
    readonly files: ReadonlyMap<string, Uint8Array>,
    readonly numbers: FigureNumbers,
  ) {}

  quoter(): Quoter {
    return new Quoter(this.data.lang);
  }
}

const spaces = (count: number): string => (count === 1 ? '<text:s/>' : `<text:s text:c="${count}"/>`);

/**
 * Text as paragraph content. ODF collapses runs of spaces and drops a leading one, as HTML does,
 * so every space beyond the first of a run, and one at the start, is written as `text:s`.
 */
export function chars(value: string): string {
  return text(value.replace(/[\t\n\r]/g, ' ')).replace(/ +/g, (run: string, offset: number) =>
    offset === 0 ? spaces(run.length) : run.length === 1 ? ' ' : ` ${spaces(run.length - 1)}`,
  );
}

/** Pieces as paragraph content, in a span of `format` when it has one. */
export function piecesXml(pieces: Pieces, ctx: OdtContext, quotes: Quoter, format: Format = {}): string {
  const content = chars(quotes.pieces(pieces));
  const style = ctx.spans.name(format);
  return style === null || content === ''
    ? content
    : `<text:span text:style-name="${style}">${content}</text:span>`;
}

/** Only web and mail links become links (render-data.ts already keeps only these; checked again because it is cheap). */
const isWebHref = (href: string): boolean => /^(https?:|mailto:)/i.test(href);

const link = (href: string, content: string): string =>
  `<text:a xlink:type="simple" xlink:href="${attr(href)}" text:style-name="Internet_20_link" text:visited-style-name="Internet_20_link">${content}</text:a>`;

/** Paragraph content of the inlines; `inLink`: inside a `text:a`, which may not hold another. */
export function inlinesXml(
  list: readonly RenderInline[],
  ctx: OdtContext,
  quotes: Quoter,
  inLink = false,
): string {
  return list.map((inline) => inlineXml(inline, ctx, quotes, inLink)).join('');
}

function inlineXml(inline: RenderInline, ctx: OdtContext, quotes: Quoter, inLink: boolean): string {
  switch (inline.k) {
    case 't':
      return piecesXml(inline.s, ctx, quotes, inline);
    case 'br':
      quotes.after('\n');
      return '<text:line-break/>';
    case 'a': {
      const content = inlinesXml(inline.c, ctx, quotes, true);
      return inLink || !isWebHref(inline.href) ? content : link(inline.href, content);
    }
    case 'fn':
      return note(inline.c, ctx);
    case 'ref': {
      const content = piecesXml(inline.s, ctx, quotes);
      // A bookmark of the heading or bibliography entry (content.xml) is the target.
      return inline.to === null || inLink ? content : link(`#${inline.to}`, content);
    }
    case 'figref': {
      const words = piecesXml(inline.s, ctx, quotes);
      const number = inline.to === null ? undefined : ctx.numbers.ofLabel(inline.to);
      if (inline.to === null || number === undefined) {
        return words;
      }
      quotes.after(String(number));
      // A reference field to the caption's number: LibreOffice keeps it right when figures are added.
      return `${words}<text:sequence-ref text:reference-format="value" text:ref-name="${attr(inline.to)}">${number}</text:sequence-ref>`;
    }
  }
}

/** A footnote, numbered through the report, its text in a paragraph of its own (quotes counted afresh). */
function note(pieces: readonly FootnotePiece[], ctx: OdtContext): string {
  ctx.notes += 1;
  const body = entryPiecesXml(pieces, ctx, ctx.quoter());
  return (
    `<text:note text:id="ftn${ctx.notes}" text:note-class="footnote"><text:note-citation>${ctx.notes}</text:note-citation>` +
    `<text:note-body><text:p text:style-name="Footnote">${body}</text:p></text:note-body></text:note>`
  );
}

/** Pieces of a footnote or a bibliography entry: words, the title in italics, web addresses as links. */
export function entryPiecesXml(pieces: readonly RenderEntryPiece[], ctx: OdtContext, quotes: Quoter): string {
  return pieces
    .map((piece) => {
      switch (piece.k) {
        case 't':
          return piecesXml(piece.s, ctx, quotes);
        case 'i':
          return piecesXml(piece.s, ctx, quotes, { i: true });
        case 'url': {
          // The PDF cuts an address into pieces where a line may break; LibreOffice breaks it itself.
          const address = chars(quotes.pieces([piece.s.join('')]));
          return isWebHref(piece.href) ? link(piece.href, address) : address;
        }
      }
    })
    .join('');
}
