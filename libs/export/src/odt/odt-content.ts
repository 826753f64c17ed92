import type { RenderData, RenderSection } from '../render-data.js';
import { blocksXml, BODY, headingXml } from './odt-blocks.js';
import { chars, entryPiecesXml, OdtContext, piecesXml } from './odt-inline.js';
import { FigureNumbers } from './figure-numbers.js';
import { captionIndexes } from './odt-indexes.js';
import { attr, ODF_NAMESPACES, text, XML_HEAD } from './xml.js';


/** The bookmark of the bibliography's heading (section keys are `s0`, `s1`, …, entries `src0`, …). */
const BIBLIOGRAPHY = 'bibliography';

/** Automatic styles that do not depend on the text: the cover's page, breaks, tables, cells. */
const FIXED_STYLES =
  // The cover's first paragraph switches to the page without header and footer.
  `<style:style style:name="CoverStart" style:family="paragraph" style:parent-style-name="Cover_20_Label" style:master-page-name="First_20_Page"><style:paragraph-properties fo:margin-top="0cm"/></style:style>` +
  `<style:style style:name="CoverEnd" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-after="page"/></style:style>` +
  // The headings of the lists after the contents (figures, tables, abbreviations), set apart from what is above.
  `<style:style style:name="ListHeading" style:family="paragraph" style:parent-style-name="Contents_20_Heading"><style:paragraph-properties fo:margin-top="1cm"/></style:style>` +
  // An entry of the lists of figures and tables: like a chapter's in the contents, but not bold.
  `<style:style style:name="ListEntry" style:family="paragraph" style:parent-style-name="Contents_20_1"><style:text-properties fo:font-weight="normal"/></style:style>` +
  `<style:style style:name="ImageWithCaption" style:family="paragraph" style:parent-style-name="Figure"><style:paragraph-properties fo:keep-with-next="always"/></style:style>` +
  `<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/></style:style>` +
  `<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #999999"/></style:style>` +
  `<style:style style:name="CellHead" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #999999" fo:background-color="#ededed"/></style:style>` +
  `<style:style style:name="AbbrShort" style:family="table-column"><style:table-column-properties style:column-width="4cm"/></style:style>` +
  `<style:style style:name="AbbrLong" style:family="table-column"><style:table-column-properties style:column-width="12cm"/></style:style>` +
  `<style:style style:name="AbbrCell" style:family="table-cell"><style:table-cell-properties fo:padding-top="0.05cm" fo:padding-bottom="0.05cm" fo:border="none"/></style:style>`;

const INDEX_LINK = 'text:style-name="Index_20_Link" text:visited-style-name="Index_20_Link"';

const para = (style: string, content: string): string =>
  `<text:p text:style-name="${style}">${content}</text:p>`;

function cover(data: RenderData, ctx: OdtContext): string {
  const { cover, labels } = data;
  const one = (style: string, pieces: RenderData['cover']['title'] | null): string =>
    pieces === null ? '' : para(style, piecesXml(pieces, ctx, ctx.quoter()));
  // A draft says so above the date, as on the PDF's cover; a final report carries its date alone.
  const dateLine = data.draft ? `${labels.draft.toUpperCase()} · ${cover.date}` : cover.date;
  const contributors =
    cover.contributors.length === 0
      ? ''
      : para('Cover_20_Label', chars(labels.contributors)) +
        cover.contributors
          .map(
            (group) =>
              (group.organisation === null
                ? ''
                : para('Standard', piecesXml(group.organisation, ctx, ctx.quoter(), { b: true }))) +
              para('Text_20_body', piecesXml(group.names, ctx, ctx.quoter())),
          )
          .join('');
  return (
    para('CoverStart', chars(dateLine)) +
    one('Title', cover.title) +
    one('Subtitle', cover.subtitle) +
    one('Text_20_body', cover.publisher) +
    contributors +
    `<text:p text:style-name="CoverEnd"/>`
  );
}

/** A section's heading text: number and title. */
function headingText(section: RenderSection, ctx: OdtContext): string {
  const quotes = ctx.quoter();
  const number = section.number === null ? '' : `${chars(section.number)} `;
  if (number !== '') {
    quotes.after(' ');
  }
  return number + piecesXml(section.title, ctx, quotes);
}

const SOURCE_STYLES = [1, 2, 3, 4, 5, 6]
  .map(
    (level) =>
      `<text:index-source-styles text:outline-level="${level}"><text:index-source-style text:style-name="Heading_20_${level}"/></text:index-source-styles>`,
  )
  .join('');

/**
 * The table of contents as a LibreOffice index over the outline (levels 1–6), filled in already
 * with the sections' headings and the bibliography, so that it shows before anybody updates it
 * (page numbers come with LibreOffice's first update: only a layout knows them).
 */
function contents(data: RenderData, ctx: OdtContext): string {
  const title = text(data.labels.contents);
  const name = attr(data.labels.contents);
  const templates = [1, 2, 3, 4, 5, 6]
    .map(
      (level) =>
        `<text:table-of-content-entry-template text:outline-level="${level}" text:style-name="Contents_20_${level}">` +
        `<text:index-entry-link-start text:style-name="Index_20_Link"/><text:index-entry-text/><text:index-entry-tab-stop style:type="right" style:leader-char="."/>` +
        `<text:index-entry-page-number/><text:index-entry-link-end/></text:table-of-content-entry-template>`,
    )
    .join('');
  const entry = (level: number, key: string, content: string): string =>
    level > 6
      ? ''
      : para(
          `Contents_20_${level}`,
          `<text:a xlink:type="simple" xlink:href="#${attr(key)}" ${INDEX_LINK}>${content}</text:a>`,
        );
  const entries =
    data.sections.map((section) => entry(section.level, section.key, headingText(section, ctx))).join('') +
    (data.sources.length > 0 ? entry(1, BIBLIOGRAPHY, chars(data.labels.bibliography)) : '');
  return (
    `<text:table-of-content text:name="${name}" text:protected="true">` +
    // From the sections' heading styles only: LibreOffice's "update" would add the headings in
    // the sections' text too, which the PDF's contents leave out.
    `<text:table-of-content-source text:outline-level="6" text:use-outline-level="false" text:use-index-source-styles="true">` +
    `<text:index-title-template text:style-name="Contents_20_Heading">${title}</text:index-title-template>${templates}${SOURCE_STYLES}</text:table-of-content-source>` +
    `<text:index-body><text:index-title text:name="${name}_Head">${para('Contents_20_Heading', title)}</text:index-title>${entries}</text:index-body>` +
    `</text:table-of-content>`
  );
}

/** The list of abbreviations: two columns, the abbreviation in bold; a heading that is not part of the outline, as in the PDF. */
function abbreviations(data: RenderData, ctx: OdtContext): string {
  if (data.abbreviations.length === 0) {
    return '';
  }
  const cell = (content: string): string =>
    `<table:table-cell table:style-name="AbbrCell" office:value-type="string">${para('Table_20_Contents', content)}</table:table-cell>`;
  const rows = data.abbreviations
    .map(
      (entry) =>
        `<table:table-row>${cell(piecesXml(entry.s, ctx, ctx.quoter(), { b: true }))}${cell(piecesXml(entry.l, ctx, ctx.quoter()))}</table:table-row>`,
    )
    .join('');
  return (
    para('ListHeading', chars(data.labels.abbreviations)) +
    `<table:table table:name="Abbreviations" table:style-name="Tbl"><table:table-column table:style-name="AbbrShort"/><table:table-column table:style-name="AbbrLong"/>${rows}</table:table>`
  );
}

function section(section: RenderSection, data: RenderData, ctx: OdtContext): string {
  // The bookmark is what cross-references (`#s3`) and the contents' entries link to.
  const heading = headingXml(
    section.level,
    `<text:bookmark text:name="${attr(section.key)}"/>${headingText(section, ctx)}`,
  );
  const state = section.state === null ? '' : para('Review_20_State', chars(section.state.label));
  const placeholder = section.placeholder
    ? para(BODY.para, piecesXml([data.labels.noText], ctx, ctx.quoter(), { i: true }))
    : '';
  return heading + state + blocksXml(section.blocks, ctx, BODY) + placeholder;
}

/** The bibliography after the last chapter: a chapter without number, one entry per cited source, each a citation's target. */
function bibliography(data: RenderData, ctx: OdtContext): string {
  if (data.sources.length === 0) {
    return '';
  }
  const entries = data.sources
    .map((source) =>
      para(
        'Bibliography_20_1',
        `<text:bookmark text:name="${attr(source.to)}"/>${entryPiecesXml(source.e, ctx, ctx.quoter())}`,
      ),
    )
    .join('');
  return (
    headingXml(1, `<text:bookmark text:name="${BIBLIOGRAPHY}"/>${chars(data.labels.bibliography)}`) + entries
  );
}

/** The whole content.xml of the report. */
export function contentXml(data: RenderData, files: ReadonlyMap<string, Uint8Array>): string {
  const ctx = new OdtContext(data, files, new FigureNumbers(data.sections));
  const body =
    cover(data, ctx) +
    contents(data, ctx) +
    captionIndexes(data, ctx) +
    abbreviations(data, ctx) +
    data.sections.map((s) => section(s, data, ctx)).join('') +
    bibliography(data, ctx);
  // The automatic text styles are known only once the body is written.
  return (
    XML_HEAD +
    `<office:document-content ${ODF_NAMESPACES} office:version="1.3">` +
    `<office:automatic-styles>${FIXED_STYLES}${ctx.spans.xml()}</office:automatic-styles>` +
    `<office:body><office:text>` +
    `<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Figure"/><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>` +
    body +
    `</office:text></office:body></office:document-content>`
  );
}
