import { countWords, LIMITS, visibleLineText } from '@kapitel/domain';
import { captionWithoutLabel } from './document-html';
import { eachBlock, inlineText, type Block } from './model';

/** One section of an outline made from a document: a top-level heading and what follows it. */
export interface Chapter {
  title: string;
  blocks: Block[];
  words: number;
  /**
   * False for the text before the first heading (a title page, a preface) when headings
   * follow: as a numbered "1 Ohne Überschrift" it would shift every chapter's number.
   */
  numbered: boolean;
}

/**
 * A document cut at its top headings (the highest level among the headings that stand at its
 * top, not in lists or tables): each becomes a chapter titled by the heading, with the blocks
 * up to the next one (its lower headings stay in its text). Text before the first heading is a
 * chapter of its own, titled `untitled` and unnumbered; a heading without text is titled so too.
 */
export function chaptersOf(blocks: readonly Block[], untitled: string): Chapter[] {
  // The document's title is no chapter: it stays with the text around it.
  const cuts = (block: Block): block is Extract<Block, { kind: 'heading' }> =>
    block.kind === 'heading' && block.title !== true;
  const top = Math.min(...blocks.map((block) => (cuts(block) ? block.level : Infinity)));
  const chapters: Array<{ title: string; blocks: Block[]; numbered: boolean }> = [];
  for (const block of blocks) {
    if (cuts(block) && block.level === top) {
      const title = shortened(visibleLineText(inlineText(block.inlines)));
      chapters.push({ title: title === '' ? untitled : title, blocks: [], numbered: true });
    } else if (chapters.length === 0) {
      chapters.push({ title: untitled, blocks: [block], numbered: top === Infinity });
    } else {
      chapters[chapters.length - 1]?.blocks.push(block);
    }
  }
  return withoutOutlineNumbers(chapters).map((chapter) => ({ ...chapter, words: countWords(textOf(chapter.blocks)) }));
}

// "1 Ausgangslage", "2. Ziele": a chapter number typed into the title (or a Kapitel export's).
const NUMBERED_TITLE = /^(\d{1,2})\.?\s+(?=\S)/;

/**
 * The chapters without the numbers typed into their titles, when the numbered ones count
 * 1, 2, 3 … in order (at least two): the outline numbers its sections itself, and "1 1
 * Ausgangslage" would read twice. A lone "10 Jahre Open Source" keeps its number.
 */
function withoutOutlineNumbers<T extends { title: string }>(chapters: T[]): T[] {
  const numbers = chapters.flatMap((chapter) => {
    const match = NUMBERED_TITLE.exec(chapter.title);
    return match === null ? [] : [Number(match[1])];
  });
  const counted = numbers.length >= 2 && numbers.every((number, index) => number === index + 1);
  return counted ? chapters.map((chapter) => ({ ...chapter, title: chapter.title.replace(NUMBERED_TITLE, '') })) : chapters;
}

/** A title within the section title's limit, cut at a word and marked as cut. */
function shortened(title: string): string {
  const max = LIMITS.sectionTitleMaxLength;
  if (title.length <= max) {
    return title;
  }
  const cut = title.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The words as the section will count them: footnotes too (libs/editor's plain text keeps
 * them), captions without the "Abbildung 3:" they lose (document-html.ts).
 */
function textOf(blocks: readonly Block[]): string {
  const lines: string[] = [];
  eachBlock(blocks, (block) => {
    if (block.kind === 'paragraph' || block.kind === 'heading') {
      const notes = block.inlines.map((inline) => (inline.kind === 'footnote' ? inline.text : ''));
      const text = inlineText(block.inlines);
      lines.push(
        block.kind === 'paragraph' && block.caption === true ? captionWithoutLabel(text) : text,
        ...notes,
      );
    }
  });
  return lines.join('\n');
}
