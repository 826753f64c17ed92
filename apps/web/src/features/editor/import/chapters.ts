import { countWords, LIMITS, visibleLineText } from '@kapitel/domain';
import { captionWithoutLabel } from './document-html';
import { eachBlock, inlineText, type Block } from './model';

/**
 * One section of an outline made from a document: a heading and what follows it up to the
 * next heading that is cut too.
 */
export interface Chapter {
  title: string;
  blocks: Block[];
  words: number;
  /**
   * False for the text before the first heading (a title page, a preface) when headings
   * follow: as a numbered "1 Ohne Überschrift" it would shift every chapter's number.
   */
  numbered: boolean;
  /** The index of the chapter this one is a subsection of; null at the top of the outline. */
  parent: number | null;
}

/** How many heading levels an outline import may cut at: chapters, subsections and theirs. */
export const MAX_CUT_LEVELS = 3;

type Heading = Extract<Block, { kind: 'heading' }>;

// The document's title is no chapter: it stays with the text around it.
const cuts = (block: Block): block is Heading => block.kind === 'heading' && block.title !== true;

/** How many heading levels the document uses (up to `MAX_CUT_LEVELS`): the choices of `levels`. */
export function headingLevelCount(blocks: readonly Block[]): number {
  return Math.min(MAX_CUT_LEVELS, new Set(blocks.filter(cuts).map((block) => block.level)).size);
}

/**
 * A document cut at its headings of the `levels` highest levels it uses (among the headings at
 * its top, not in lists or tables): each becomes a chapter titled by the heading, with the
 * blocks up to the next cut; a heading of the second level becomes a subsection of the chapter
 * above it, and so on. Lower headings stay in the text. Text before the first heading is a
 * chapter of its own, titled `untitled` and unnumbered; a heading without text is titled so too.
 */
export function chaptersOf(blocks: readonly Block[], untitled: string, levels = 1): Chapter[] {
  const cutLevels = [...new Set(blocks.filter(cuts).map((block) => block.level))]
    .sort((a, b) => a - b)
    .slice(0, Math.max(1, levels));
  const chapters: Array<Omit<Chapter, 'words'>> = [];
  // The open chapters above the next cut, each with the rank of its heading's level.
  const open: Array<{ rank: number; index: number }> = [];
  for (const block of blocks) {
    const rank = cuts(block) ? cutLevels.indexOf(block.level) : -1;
    if (rank >= 0) {
      while ((open.at(-1)?.rank ?? -1) >= rank) {
        open.pop();
      }
      const title = shortened(visibleLineText(inlineText((block as Heading).inlines)));
      const parent = open.at(-1)?.index ?? null;
      open.push({ rank, index: chapters.length });
      chapters.push({ title: title === '' ? untitled : title, blocks: [], numbered: true, parent });
    } else if (chapters.length === 0) {
      chapters.push({ title: untitled, blocks: [block], numbered: cutLevels.length === 0, parent: null });
    } else {
      chapters[chapters.length - 1]?.blocks.push(block);
    }
  }
  return withoutOutlineNumbers(chapters).map((chapter) => ({ ...chapter, words: countWords(textOf(chapter.blocks)) }));
}

// "1 Ausgangslage", "2. Ziele", "2.1 Im Kreis": a number typed into the title (or a Kapitel export's).
const NUMBERED_TITLE = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=\S)/;

/**
 * The chapters without the numbers typed into their titles where the outline's own numbers
 * would repeat them: "1 1 Ausgangslage" would read twice. At the top, the numbered titles must
 * count 1, 2, 3 … in order (at least two; a lone "10 Jahre Open Source" keeps its number); a
 * subsection's number goes when its chapter's did and it counts on from it ("2.1", "2.2" under
 * "2").
 */
function withoutOutlineNumbers<T extends { title: string; parent: number | null }>(chapters: T[]): T[] {
  // The typed number of each chapter whose number is dropped.
  const dropped = new Map<number | null, string>([[null, '']]);
  const groups = new Map<number | null, number[]>();
  chapters.forEach((chapter, index) => {
    groups.set(chapter.parent, [...(groups.get(chapter.parent) ?? []), index]);
  });
  // A parent comes before its subsections, so the groups are in an order where its number is known.
  for (const [parent, members] of groups) {
    const prefix = dropped.get(parent);
    const numbered = members.flatMap((index) => {
      const match = NUMBERED_TITLE.exec(chapters[index]?.title ?? '');
      return match?.[1] === undefined ? [] : [{ index, number: match[1] }];
    });
    const counts =
      prefix !== undefined &&
      numbered.length >= (parent === null ? 2 : 1) &&
      numbered.every(({ number }, order) => number === (prefix === '' ? '' : `${prefix}.`) + String(order + 1));
    if (counts) {
      numbered.forEach(({ index, number }) => dropped.set(index, number));
    }
  }
  return chapters.map((chapter, index) =>
    dropped.has(index) ? { ...chapter, title: chapter.title.replace(NUMBERED_TITLE, '') } : chapter,
  );
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
