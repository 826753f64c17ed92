import type { Marks } from './model';
import { child, children, is, type XmlElement } from './xml';

/** The OpenDocument namespaces the reader needs; a producer may give them any prefix. */
export const NS = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  draw: 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0',
  dr3d: 'urn:oasis:names:tc:opendocument:xmlns:dr3d:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
  xlink: 'http://www.w3.org/1999/xlink',
} as const;

/** What a paragraph style makes of its paragraphs, beyond a plain paragraph. */
export type ParagraphRole = 'caption' | 'quote' | 'title';

// Internal names and display names, English and German (LibreOffice shows German names
// in a German UI, and documents keep whichever name their style was given).
const ROLES: Array<[ParagraphRole, string[]]> = [
  [
    'caption',
    [
      'caption',
      'figure',
      'illustration',
      'table',
      'drawing',
      'beschriftung',
      'abbildung',
      'tabelle',
      'zeichnung',
    ],
  ],
  ['quote', ['quotations', 'quote', 'zitat']],
  ['title', ['title', 'titel']],
];

/**
 * The styles' meaning for the text. Marks come as a style states them: `false` where it turns a
 * mark off (a child style may undo its parent's bold); only the `true` ones reach the blocks.
 */
export interface OdtStyles {
  /** The marks of a text (character) style, its parents' included. */
  marks(textStyle: string | null): Marks;
  /** The marks a paragraph's automatic style sets for its whole text (direct formatting). */
  paragraphMarks(paragraphStyle: string | null): Marks;
  role(paragraphStyle: string | null): ParagraphRole | null;
  /** The list style a paragraph style numbers its paragraphs with. */
  paragraphListStyle(paragraphStyle: string | null): string | null;
  /** True when the list style numbers the items of this level (1 = outermost). */
  ordered(listStyle: string, level: number): boolean;
}

/** "Strong_20_Emphasis" → "Strong Emphasis": style names escape what XML names cannot hold. */
const decoded = (name: string): string =>
  name.replace(/_([0-9a-f]{2})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * The styles of a document: automatic styles of content.xml first (a paragraph's direct
 * formatting), then the common styles of content.xml (flat documents) and styles.xml.
 */
export function odtStyles(content: XmlElement, stylesPart: XmlElement | null): OdtStyles {
  const automatic = new Map<string, XmlElement>();
  const common = new Map<string, XmlElement>();
  const lists = new Map<string, XmlElement>();
  const collect = (root: XmlElement | null, part: string, into: Map<string, XmlElement>) => {
    const section = root === null ? null : child(root, NS.office, part);
    for (const element of section === null ? [] : children(section)) {
      const name = element.getAttributeNS(NS.style, 'name');
      if (name === null) {
        continue;
      }
      const key = `${element.getAttributeNS(NS.style, 'family') ?? ''}:${name}`;
      if (is(element, NS.style, 'style') && !into.has(key)) {
        into.set(key, element);
      } else if (is(element, NS.text, 'list-style') && !lists.has(name)) {
        lists.set(name, element);
      }
    }
  };
  // styles.xml's own automatic styles belong to its headers and footers, never to the body.
  collect(content, 'automatic-styles', automatic);
  collect(content, 'styles', common);
  collect(stylesPart, 'styles', common);

  const chain = (family: string, name: string | null): XmlElement[] => {
    const found: XmlElement[] = [];
    let next = name;
    while (next !== null && found.length < 32) {
      const style = automatic.get(`${family}:${next}`) ?? common.get(`${family}:${next}`);
      if (style === undefined || found.includes(style)) {
        break;
      }
      found.push(style);
      next = style.getAttributeNS(NS.style, 'parent-style-name');
    }
    return found;
  };

  const textMarks = new Map<string, Marks>();
  return {
    marks: (name) => {
      if (name === null) {
        return {};
      }
      let marks = textMarks.get(name);
      if (marks === undefined) {
        marks = chain('text', name).reduceRight<Marks>(
          (inherited, style) => ({ ...inherited, ...ownMarks(style) }),
          {},
        );
        textMarks.set(name, marks);
      }
      return marks;
    },
    paragraphMarks: (name) => {
      // Only the automatic style: a common style's look (an italic "Caption") is the template's business.
      const style = name === null ? undefined : automatic.get(`paragraph:${name}`);
      return style === undefined ? {} : ownMarks(style);
    },
    role: (name) => {
      // The name itself counts even when the style is missing (some producers leave out unused definitions).
      const names = [
        name,
        ...chain('paragraph', name).flatMap((style) => [
          style.getAttributeNS(NS.style, 'name'),
          style.getAttributeNS(NS.style, 'display-name'),
        ]),
      ]
        .filter((n) => n !== null)
        .map((n) => decoded(n).trim().toLowerCase());
      // The style's own name first: a "Quote" style under a "Caption" parent quotes.
      const roles = names.map((n) => ROLES.find(([, known]) => known.includes(n))?.[0]);
      return roles.find((role) => role !== undefined) ?? null;
    },
    paragraphListStyle: (name) =>
      chain('paragraph', name)
        .map((style) => style.getAttributeNS(NS.style, 'list-style-name'))
        .find((list) => list !== null && list !== '') ?? null,
    ordered: (name, level) => {
      const style = lists.get(name);
      const levelStyle = (style === undefined ? [] : children(style, NS.text)).find(
        (element) => Number(element.getAttributeNS(NS.text, 'level') ?? '1') === level,
      );
      return (
        levelStyle !== undefined &&
        levelStyle.localName === 'list-level-style-number' &&
        (levelStyle.getAttributeNS(NS.style, 'num-format') ?? '') !== ''
      );
    },
  };
}

function ownMarks(style: XmlElement): Marks {
  const properties = child(style, NS.style, 'text-properties');
  if (properties === null) {
    return {};
  }
  const marks: Marks = {};
  const weight = properties.getAttributeNS(NS.fo, 'font-weight');
  if (weight !== null) {
    marks.bold = weight === 'bold' || Number(weight) >= 600;
  }
  const fontStyle = properties.getAttributeNS(NS.fo, 'font-style');
  if (fontStyle !== null) {
    marks.italic = fontStyle === 'italic' || fontStyle === 'oblique';
  }
  const underline = properties.getAttributeNS(NS.style, 'text-underline-style');
  if (underline !== null) {
    marks.underline = underline !== 'none';
  }
  const strike = properties.getAttributeNS(NS.style, 'text-line-through-style');
  if (strike !== null) {
    marks.strike = strike !== 'none';
  }
  const position = properties.getAttributeNS(NS.style, 'text-position');
  if (position !== null) {
    // "super 58%", "sub 58%", or a raise in percent of the font height ("33% 58%", "-33% 58%").
    const raise = position.trim().split(/\s+/)[0] ?? '';
    const value = raise.startsWith('super') ? 1 : raise.startsWith('sub') ? -1 : parseFloat(raise);
    marks.superscript = value > 0;
    marks.subscript = value < 0;
  }
  return marks;
}
