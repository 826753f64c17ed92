import { ODF_NAMESPACES, text, XML_HEAD } from './xml.js';

/**
 * styles.xml: the named styles of the report, so that a report team restyles the whole report
 * by editing a style in LibreOffice (not every paragraph). Names follow LibreOffice's own
 * (`Heading_20_1` is "Heading 1"), so its style list, outline and indexes pick them up.
 * The look follows the PDF loosely: serif body, sans headings, A4 with 2.5 cm margins.
 */

export interface StyleOptions {
  lang: string;
  /** "Seite" / "Page" and "von" / "of" for the footer. */
  page: string;
  of: string;
  /** In a draft, what the header says on every page ("Entwurf · 28. November 2025"); null in a final report. */
  draftLabel: string | null;
}


const SERIF = 'Liberation Serif';
const SANS = 'Liberation Sans';
const TEXT_WIDTH = '16cm';

/** Font faces by name only: no file is embedded and nothing is fetched; LibreOffice substitutes when missing. */
const FONTS =
  `<office:font-face-decls>` +
  `<style:font-face style:name="${SERIF}" svg:font-family="'${SERIF}'" style:font-family-generic="roman" style:font-pitch="variable"/>` +
  `<style:font-face style:name="${SANS}" svg:font-family="'${SANS}'" style:font-family-generic="swiss" style:font-pitch="variable"/>` +
  `</office:font-face-decls>`;

/** A paragraph style; `name` with `_20_` for spaces, as LibreOffice writes them. */
function paragraph(
  name: string,
  parent: string | null,
  className: string,
  paragraphProps: string,
  textProps: string,
  extra = '',
): string {
  const display = name.includes('_20_') ? ` style:display-name="${name.replace(/_20_/g, ' ')}"` : '';
  const parentAttr = parent ? ` style:parent-style-name="${parent}"` : '';
  return (
    `<style:style style:name="${name}"${display} style:family="paragraph"${parentAttr} style:class="${className}"${extra}>` +
    (paragraphProps ? `<style:paragraph-properties ${paragraphProps}/>` : '') +
    (textProps ? `<style:text-properties ${textProps}/>` : '') +
    `</style:style>`
  );
}

const sans = (size: string, bold = false): string =>
  `style:font-name="${SANS}" fo:font-size="${size}"` +
  (bold ? ' fo:font-weight="bold" style:font-weight-complex="bold"' : '');
const italic = 'fo:font-style="italic" style:font-style-complex="italic"';
const KEEP = 'fo:keep-with-next="always"';
const RIGHT_TAB = `<style:tab-stops><style:tab-stop style:position="${TEXT_WIDTH}" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops>`;

const HEADING_SIZES = ['18pt', '15pt', '13pt', '12pt', '11pt', '11pt'];

function headings(): string {
  return HEADING_SIZES.map((size, index) => {
    const level = index + 1;
    // Chapters start a page, as in the PDF.
    const breakBefore = level === 1 ? ' fo:break-before="page"' : '';
    return paragraph(
      `Heading_20_${level}`,
      'Heading',
      'text',
      `${KEEP}${breakBefore}`,
      sans(size, true),
      ` style:default-outline-level="${level}"`,
    ) +
      // A heading in a section's text: the same look, not in the contents (odt-blocks.ts).
      paragraph(`Text_20_Heading_20_${level}`, `Heading_20_${level}`, 'text', '', '', ` style:default-outline-level="${level}"`);
  }).join('');
}

/** The contents' entry styles: indented by level, the page number at the right after dots. */
function contentsLevels(): string {
  return [1, 2, 3, 4, 5, 6]
    .map((level) => {
      const name = `Contents_20_${level}`;
      return (
        `<style:style style:name="${name}" style:display-name="Contents ${level}" style:family="paragraph" style:parent-style-name="Index" style:class="index">` +
        `<style:paragraph-properties fo:margin-left="${(level - 1) * 0.5}cm" fo:margin-top="${level === 1 ? '0.2cm' : '0cm'}" fo:margin-bottom="0.05cm">${RIGHT_TAB}</style:paragraph-properties>` +
        (level === 1 ? `<style:text-properties fo:font-weight="bold"/>` : '') +
        `</style:style>`
      );
    })
    .join('');
}

const LIST_INDENT = 0.635;

/** One level of a list style: label and text indented by level, the label hanging before the text. */
function listLevel(level: number, kind: 'bullet' | 'number'): string {
  const margin = `${(LIST_INDENT * level).toFixed(3)}cm`;
  const properties =
    `<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">` +
    `<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="${margin}" fo:text-indent="-${LIST_INDENT}cm" fo:margin-left="${margin}"/>` +
    `</style:list-level-properties>`;
  if (kind === 'bullet') {
    const char = ['•', '–', '◦'][(level - 1) % 3]; // the PDF's markers
    return `<text:list-level-style-bullet text:level="${level}" text:bullet-char="${char}">${properties}</text:list-level-style-bullet>`;
  }
  return `<text:list-level-style-number text:level="${level}" style:num-suffix="." style:num-format="1">${properties}</text:list-level-style-number>`;
}

const LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

function lists(): string {
  return (
    `<text:list-style style:name="Bullets">${LEVELS.map((l) => listLevel(l, 'bullet')).join('')}</text:list-style>` +
    `<text:list-style style:name="Numbers">${LEVELS.map((l) => listLevel(l, 'number')).join('')}</text:list-style>` +
    // Headings carry their outline number in their text (it is the outline's, never recomputed):
    // the outline style must not number them a second time.
    `<text:outline-style style:name="Outline">${LEVELS.map((l) => `<text:outline-level-style text:level="${l}" style:num-format=""/>`).join('')}</text:outline-style>`
  );
}

function language(lang: string): string {
  // British conventions for English, like the PDF's dashes (text.ts); German for everything else we support.
  const [language, country] = lang === 'en' ? ['en', 'GB'] : ['de', 'DE'];
  return `fo:language="${language}" fo:country="${country}"`;
}

function named(options: StyleOptions): string {
  return (
    `<office:styles>` +
    `<style:default-style style:family="paragraph"><style:paragraph-properties fo:orphans="2" fo:widows="2" style:writing-mode="page"/>` +
    `<style:text-properties style:font-name="${SERIF}" fo:font-size="11pt" ${language(options.lang)} fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/></style:default-style>` +
    `<style:default-style style:family="table-row"><style:table-row-properties fo:keep-together="auto"/></style:default-style>` +
    paragraph('Standard', null, 'text', '', '') +
    // Flush left, unlike the PDF: LibreOffice stretches a justified line that ends in a hard
    // line break across the whole width, which reads as a fault (a team justifies it here, once).
    paragraph(
      'Text_20_body',
      'Standard',
      'text',
      'fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="115%" fo:text-align="start"',
      '',
    ) +
    paragraph(
      'Heading',
      'Standard',
      'text',
      `fo:margin-top="0.6cm" fo:margin-bottom="0.25cm" ${KEEP}`,
      sans('14pt'),
      ' style:next-style-name="Text_20_body"',
    ) +
    headings() +
    paragraph(
      'Title',
      'Standard',
      'chapter',
      'fo:margin-top="5cm" fo:margin-bottom="0.3cm"',
      sans('28pt', true),
    ) +
    paragraph(
      'Subtitle',
      'Standard',
      'chapter',
      'fo:margin-bottom="0.6cm"',
      `${sans('16pt')} fo:color="#555555"`,
    ) +
    paragraph(
      'Cover_20_Label',
      'Standard',
      'text',
      'fo:margin-top="1.2cm" fo:margin-bottom="0.2cm"',
      `${sans('8pt', true)} fo:text-transform="uppercase" fo:letter-spacing="0.05cm"`,
    ) +
    paragraph(
      'Review_20_State',
      'Standard',
      'text',
      `fo:margin-bottom="0.2cm" ${KEEP}`,
      `${sans('8pt')} fo:color="#595959"`,
    ) +
    paragraph(
      'Quotations',
      'Standard',
      'html',
      'fo:margin-left="1cm" fo:margin-right="1cm" fo:margin-bottom="0.25cm"',
      'fo:color="#404040"',
    ) +
    paragraph('Table_20_Contents', 'Standard', 'extra', '', 'fo:font-size="10pt"') +
    paragraph('Table_20_Heading', 'Table_20_Contents', 'extra', '', `${sans('9pt', true)}`) +
    // A column of figures, flush right (libs/domain table-numbers.ts).
    paragraph('Table_20_Contents_20_Figures', 'Table_20_Contents', 'extra', 'fo:text-align="end"', '') +
    paragraph('Table_20_Heading_20_Figures', 'Table_20_Heading', 'extra', 'fo:text-align="end"', '') +
    paragraph(
      'Caption',
      'Standard',
      'extra',
      'fo:margin-top="0.2cm" fo:margin-bottom="0.3cm"',
      `${sans('9pt')} ${italic}`,
    ) +
    paragraph('Figure', 'Caption', 'extra', 'fo:text-align="center"', '') +
    // A table's caption stands above it and must not be left alone at a page's foot.
    paragraph('Table', 'Caption', 'extra', KEEP, '') +
    paragraph(
      'Footnote',
      'Standard',
      'extra',
      'fo:margin-left="0.4cm" fo:text-indent="-0.4cm"',
      'fo:font-size="9pt"',
    ) +
    paragraph('Index', 'Standard', 'index', '', '') +
    paragraph(
      'Contents_20_Heading',
      'Heading',
      'index',
      'fo:margin-top="0cm" fo:margin-bottom="0.4cm"',
      sans('16pt', true),
    ) +
    contentsLevels() +
    paragraph(
      'Bibliography_20_1',
      'Index',
      'index',
      'fo:margin-left="0.8cm" fo:text-indent="-0.8cm" fo:margin-bottom="0.2cm"',
      '',
    ) +
    paragraph('Header', 'Standard', 'extra', '', `${sans('8pt')} fo:color="#595959"`) +
    paragraph('Footer', 'Standard', 'extra', 'fo:text-align="center"', sans('8pt')) +
    `<style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text"><style:text-properties fo:color="#1d4f7a" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>` +
    // The contents' entries link to their headings, without looking like web links.
    `<style:style style:name="Index_20_Link" style:display-name="Index Link" style:family="text"/>` +
    `<style:style style:name="Footnote_20_anchor" style:display-name="Footnote anchor" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>` +
    `<style:style style:name="Footnote_20_Symbol" style:display-name="Footnote Symbol" style:family="text"/>` +
    `<style:style style:name="Graphics" style:family="graphic"><style:graphic-properties style:vertical-pos="top" style:vertical-rel="baseline" style:wrap="none"/></style:style>` +
    lists() +
    // Footnotes numbered through the whole report, at the foot of their page, like the PDF's.
    `<text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_Symbol" text:citation-body-style-name="Footnote_20_anchor" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>` +
    `</office:styles>`
  );
}

function pages(options: StyleOptions): string {
  const layout =
    `<office:automatic-styles><style:page-layout style:name="A4">` +
    `<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2.5cm" fo:margin-bottom="2.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm" style:writing-mode="lr-tb"/>` +
    `<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.4cm"/></style:header-style>` +
    `<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style>` +
    `</style:page-layout></office:automatic-styles>`;
  const header =
    options.draftLabel === null
      ? ''
      : `<style:header><text:p text:style-name="Header">${text(options.draftLabel)}</text:p></style:header>`;
  const footer =
    `<style:footer><text:p text:style-name="Footer">${text(options.page)} <text:page-number text:select-page="current">1</text:page-number>` +
    ` ${text(options.of)} <text:page-count>1</text:page-count></text:p></style:footer>`;
  return (
    layout +
    `<office:master-styles>` +
    `<style:master-page style:name="Standard" style:page-layout-name="A4">${header}${footer}</style:master-page>` +
    // The cover has no header or footer (content.xml's first paragraph asks for this page).
    `<style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="A4" style:next-style-name="Standard"/>` +
    `</office:master-styles>`
  );
}

/** The whole styles.xml. */
export function stylesXml(options: StyleOptions): string {
  return (
    XML_HEAD +
    `<office:document-styles ${ODF_NAMESPACES} office:version="1.3">` +
    FONTS +
    named(options) +
    pages(options) +
    `</office:document-styles>`
  );
}
