import type { Marks } from './model';
import { child, children, type XmlElement } from './xml';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** What a paragraph's style makes of it; direct formatting of the paragraph comes on top. */
export interface ParagraphRole {
  /** 1 = the document's top heading level. */
  headingLevel: number | null;
  /** The document's title ("Title"), a heading of level 1. */
  title: boolean;
  quote: boolean;
  caption: boolean;
  /** The lines of a table of contents: left out, the export makes its own. */
  contents: boolean;
  numbering: Numbering | null;
}

export interface Numbering {
  numId: string;
  level: number;
}

interface Style {
  name: string;
  basedOn: string | null;
  pPr: XmlElement | null;
  rPr: XmlElement | null;
}

export const val = (element: XmlElement | null): string | null => element?.getAttributeNS(W, 'val') ?? null;

/** A toggle property (`<w:b/>`, `<w:b w:val="0"/>`): on unless its value says off. */
const on = (element: XmlElement | null): boolean | undefined =>
  element === null ? undefined : !['0', 'false', 'off', 'none'].includes(val(element) ?? 'true');

/** Word's styles (word/styles.xml), by their id, with the rules that read roles and marks from them. */
export class DocxStyles {
  private readonly styles = new Map<string, Style>();

  constructor(root: XmlElement | null) {
    for (const style of root === null ? [] : children(root, W, 'style')) {
      const id = style.getAttributeNS(W, 'styleId');
      if (id !== null) {
        this.styles.set(id, {
          name: (val(child(style, W, 'name')) ?? id).toLowerCase(),
          basedOn: val(child(style, W, 'basedOn')),
          pPr: child(style, W, 'pPr'),
          rPr: child(style, W, 'rPr'),
        });
      }
    }
  }

  /** The style and those it is based on, nearest first (a cycle is cut). */
  private chain(id: string | null): Style[] {
    const found: Style[] = [];
    for (let at = id; at !== null && found.length < 20;) {
      const style = this.styles.get(at);
      if (style === undefined || found.includes(style)) {
        break;
      }
      found.push(style);
      at = style.basedOn;
    }
    return found;
  }

  paragraphRole(pPr: XmlElement | null): ParagraphRole {
    const chain = this.chain(val(pPr === null ? null : child(pPr, W, 'pStyle')));
    const names = chain.map((style) => style.name);
    const heading = names
      .map((name) => /^(?:heading|überschrift)\s*(\d)$/.exec(name))
      .find((m) => m !== null);
    const outline = [pPr, ...chain.map((style) => style.pPr)]
      .map((properties) => (properties === null ? null : val(child(properties, W, 'outlineLvl'))))
      .find((level) => level !== null && level !== undefined);
    const title = heading === undefined && names.includes('title');
    let headingLevel: number | null = heading ? Number(heading[1]) : title ? 1 : null;
    // An outline level of 0–8 makes a heading of any style; 9 is body text.
    if (headingLevel === null && outline !== undefined && outline !== null && Number(outline) < 9) {
      headingLevel = Number(outline) + 1;
    }
    return {
      headingLevel,
      title,
      quote: names.some((name) => /^(?:intense )?quote$|^quotations$|^zitat/.test(name)),
      caption: names.some((name) => name === 'caption' || name === 'beschriftung'),
      contents: names.some((name) => /^(?:toc|verzeichnis)\s*\d/.test(name)),
      numbering: this.numbering(pPr, chain),
    };
  }

  private numbering(pPr: XmlElement | null, chain: Style[]): Numbering | null {
    for (const properties of [pPr, ...chain.map((style) => style.pPr)]) {
      const numPr = properties === null ? null : child(properties, W, 'numPr');
      const numId = numPr === null ? null : val(child(numPr, W, 'numId'));
      if (numPr !== null && numId !== null) {
        // numId 0 takes a numbering of the style away.
        return numId === '0' ? null : { numId, level: Number(val(child(numPr, W, 'ilvl')) ?? '0') || 0 };
      }
    }
    return null;
  }

  /** A run's marks: its character style's (and those it is based on), then its own properties. */
  runMarks(rPr: XmlElement | null): Marks {
    const marks: Marks = {};
    const chain = this.chain(val(rPr === null ? null : child(rPr, W, 'rStyle'))).reverse();
    for (const properties of [...chain.map((style) => style.rPr), rPr]) {
      if (properties !== null) {
        applyRunProperties(properties, marks);
      }
    }
    return marks;
  }
}

function applyRunProperties(rPr: XmlElement, marks: Marks): void {
  const set = (key: keyof Marks, value: boolean | undefined) => {
    if (value !== undefined) {
      marks[key] = value;
    }
  };
  set('bold', on(child(rPr, W, 'b')));
  set('italic', on(child(rPr, W, 'i')));
  set('underline', on(child(rPr, W, 'u')));
  const strike = on(child(rPr, W, 'strike'));
  set('strike', strike ?? on(child(rPr, W, 'dstrike')));
  const align = val(child(rPr, W, 'vertAlign'));
  if (align !== null) {
    marks.superscript = align === 'superscript';
    marks.subscript = align === 'subscript';
  }
}

/** Whether each list of word/numbering.xml is numbered (1., a), i.) or bulleted, by level. */
export class DocxNumbering {
  private readonly formats = new Map<string, Map<number, { format: string; start: number }>>();

  constructor(root: XmlElement | null) {
    if (root === null) {
      return;
    }
    const abstract = new Map<string, XmlElement>();
    for (const element of children(root, W, 'abstractNum')) {
      abstract.set(element.getAttributeNS(W, 'abstractNumId') ?? '', element);
    }
    for (const num of children(root, W, 'num')) {
      const levels = new Map<number, { format: string; start: number }>();
      const base = abstract.get(val(child(num, W, 'abstractNumId')) ?? '');
      const overrides = children(num, W, 'lvlOverride').map((override) => child(override, W, 'lvl'));
      for (const lvl of [...(base === undefined ? [] : children(base, W, 'lvl')), ...overrides]) {
        if (lvl !== null) {
          levels.set(Number(lvl.getAttributeNS(W, 'ilvl') ?? '0'), {
            format: val(child(lvl, W, 'numFmt')) ?? 'decimal',
            start: Number(val(child(lvl, W, 'start')) ?? '1') || 1,
          });
        }
      }
      this.formats.set(num.getAttributeNS(W, 'numId') ?? '', levels);
    }
  }

  /** 'none': numbering that shows nothing, a paragraph like any other. */
  kind(numbering: Numbering): 'ordered' | 'bullet' | 'none' {
    const format = this.formats.get(numbering.numId)?.get(numbering.level)?.format ?? 'bullet';
    return format === 'bullet' ? 'bullet' : format === 'none' ? 'none' : 'ordered';
  }

  /** The number a list level counts from. */
  start(numbering: Numbering): number {
    return this.formats.get(numbering.numId)?.get(numbering.level)?.start ?? 1;
  }
}
