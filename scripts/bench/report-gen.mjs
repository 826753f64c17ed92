// A generated report for the export benchmark: chapters with sub-sections, each holding
// ProseMirror JSON of the editor schema (paragraphs with bold, italic and links, headings,
// lists, quotes and tables), about `pages` pages once typeset. Deterministic: every run
// exports the same report.
import { random, sentence } from './book.mjs';

/**
 * Characters of text per typeset page, measured with the report template (A4, 10.5 pt
 * Libertinus Serif, tables and lists included); the cover and the contents come on top.
 */
const CHARS_PER_PAGE = 3600;
/** Pages per chapter: a chapter text of its own and three sub-sections. */
const PAGES_PER_CHAPTER = 12;
const SUBSECTIONS = 3;

/** @typedef {{ type: string, attrs?: Record<string, unknown>, content?: Json[], text?: string, marks?: Array<{ type: string, attrs?: Record<string, unknown> }> }} Json */
/** @typedef {{ title: string, depth: number, parent: number | null, json: Json }} GeneratedSection */

const text = (value, marks) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });

/**
 * A paragraph of a few sentences; now and then a phrase in bold or italics, or a link.
 * @param {() => number} rand
 */
function paragraph(rand, sentences) {
  /** @type {Json[]} */
  const content = [];
  let chars = 0;
  for (let i = 0; i < sentences; i++) {
    const s = sentence(rand);
    chars += s.length;
    const roll = rand();
    if (roll < 0.1) {
      const cut = s.indexOf(' ', Math.floor(s.length / 2));
      content.push(text(s.slice(0, cut + 1)), text(s.slice(cut + 1), [{ type: rand() < 0.5 ? 'bold' : 'italic' }]));
    } else if (roll < 0.13) {
      content.push(text(s.trimEnd(), [{ type: 'link', attrs: { href: `https://example.org/quelle/${Math.floor(rand() * 1000)}` } }]), text(' '));
    } else {
      content.push(text(s));
    }
  }
  // Adjacent plain text nodes are one node in ProseMirror.
  /** @type {Json[]} */
  const merged = [];
  for (const node of content) {
    const last = merged[merged.length - 1];
    if (last && !last.marks && !node.marks) {
      last.text += node.text;
    } else {
      merged.push({ ...node });
    }
  }
  merged[merged.length - 1].text = merged[merged.length - 1].text.trimEnd();
  return { node: { type: 'paragraph', content: merged.filter((node) => node.text !== '') }, chars };
}

/** @param {() => number} rand @param {number} columns @param {number} rows */
function table(rand, columns, rows) {
  const cell = (type, value) => ({ type, content: [{ type: 'paragraph', content: [text(value)] }] });
  const header = ['Gemeinde', 'Anteil 2023', 'Anteil 2024', 'Veränderung', 'Stichprobe'].slice(0, columns);
  let chars = header.join('').length;
  /** @type {Json[]} */
  const body = [];
  for (let r = 0; r < rows; r++) {
    const values = [`Gemeinde ${r + 1}`, ...Array.from({ length: columns - 1 }, () => `${(rand() * 100).toFixed(1)} %`)];
    chars += values.join('').length;
    body.push({ type: 'tableRow', content: values.map((value) => cell('tableCell', value)) });
  }
  return { node: { type: 'table', content: [{ type: 'tableRow', content: header.map((value) => cell('tableHeader', value)) }, ...body] }, chars };
}

/** @param {() => number} rand @param {'bulletList' | 'orderedList'} type */
function list(rand, type) {
  const items = 3 + Math.floor(rand() * 3);
  let chars = 0;
  /** @type {Json[]} */
  const content = [];
  for (let i = 0; i < items; i++) {
    const p = paragraph(rand, 1);
    chars += p.chars;
    content.push({ type: 'listItem', content: [p.node] });
  }
  return { node: { type, content }, chars };
}

/**
 * The text of one section: blocks until `target` characters.
 * @param {() => number} rand @param {number} target
 * @returns {Json}
 */
function sectionText(rand, target) {
  /** @type {Json[]} */
  const blocks = [];
  let chars = 0;
  let tables = 0;
  let since = 0;
  const add = ({ node, chars: n }) => {
    blocks.push(node);
    chars += n;
  };
  while (chars < target) {
    const roll = rand();
    if (since >= 6 && chars < target * 0.9) {
      add({ node: { type: 'heading', attrs: { level: 2 }, content: [text(`Auswertung ${blocks.length + 1}`)] }, chars: 14 });
      since = 0;
    } else if (roll < 0.08) {
      add(list(rand, rand() < 0.7 ? 'bulletList' : 'orderedList'));
    } else if (roll < 0.1 && tables < 1 && chars > target * 0.3) {
      add(table(rand, 4 + Math.floor(rand() * 2), 6 + Math.floor(rand() * 8)));
      tables += 1;
    } else if (roll < 0.12) {
      const quote = paragraph(rand, 2);
      add({ node: { type: 'blockquote', content: [quote.node] }, chars: quote.chars });
    } else {
      add(paragraph(rand, 3 + Math.floor(rand() * 5)));
    }
    since += 1;
  }
  return { type: 'doc', content: blocks };
}

/** @param {Json} node characters of text in a ProseMirror tree */
export function textLength(node) {
  return (node.text?.length ?? 0) + (node.content ?? []).reduce((sum, child) => sum + textLength(child), 0);
}

/**
 * The report: chapters (depth 1) each with a text of their own and three sub-sections
 * (depth 2), in reading order; `parent` is the index of the parent section. Another
 * `variant` is another text of the same size and shape (a compiler that typeset one
 * variant has nothing cached for the next).
 * @param {number} pages @param {number} [variant]
 * @returns {{ title: string, sections: GeneratedSection[], chars: number }}
 */
export function makeReport(pages, variant = 0) {
  const rand = random(20250107 + pages + 7919 * variant);
  const chapters = Math.max(2, Math.round(pages / PAGES_PER_CHAPTER));
  const perSection = (pages * CHARS_PER_PAGE) / (chapters * (1 + SUBSECTIONS));
  /** @type {GeneratedSection[]} */
  const sections = [];
  for (let c = 0; c < chapters; c++) {
    const parent = sections.length;
    sections.push({ title: `Kapitel ${c + 1}: Ergebnisse der Erhebung`, depth: 1, parent: null, json: sectionText(rand, perSection) });
    for (let s = 0; s < SUBSECTIONS; s++) {
      sections.push({ title: `Teilbereich ${c + 1}.${s + 1}`, depth: 2, parent, json: sectionText(rand, perSection) });
    }
  }
  const chars = sections.reduce((sum, section) => sum + textLength(section.json), 0);
  return { title: `Bericht mit ${pages} Seiten${variant > 0 ? ` (${variant + 1})` : ''}`, sections, chars };
}

/**
 * The report model the server would build for it (libs/export's ReportModel): numbers as
 * numberOutline gives them to numbered sections, state `draft`.
 * @param {{ title: string, sections: GeneratedSection[] }} report
 * @param {{ contents: Json[], language: string, date: string, contributors: Array<{ name: string, organisation: string | null }> }} rest
 */
export function reportModel(report, { contents, language, date, contributors }) {
  const counters = [];
  const sections = report.sections.map((section, index) => {
    counters.length = section.depth;
    counters[section.depth - 1] = (counters[section.depth - 1] ?? 0) + 1;
    return { number: counters.join('.'), title: section.title, depth: section.depth, state: 'draft', content: contents[index] };
  });
  return { mode: 'draft', language, title: report.title, subtitle: null, publisher: null, date, contributors, sections };
}
