import { countWords, LIMITS } from '@kapitel/domain';
import { eachBlock, inlineText, type Block } from './model';

/** One section of an outline made from a document: a top-level heading and what follows it. */
export interface Chapter {
  title: string;
  blocks: Block[];
  words: number;
}

/**
 * A document cut at its top headings (the highest level among the headings that stand at its
 * top, not in lists or tables): each becomes a chapter titled by the heading, with the blocks
 * up to the next one (its lower headings stay in its text). Text before the first heading is a
 * chapter of its own, titled `untitled`; a heading without text is titled so too.
 */
export function chaptersOf(blocks: readonly Block[], untitled: string): Chapter[] {
  const top = Math.min(...blocks.map((block) => (block.kind === 'heading' ? block.level : Infinity)));
  const chapters: Array<{ title: string; blocks: Block[] }> = [];
  for (const block of blocks) {
    if (block.kind === 'heading' && block.level === top) {
      const title = inlineText(block.inlines).slice(0, LIMITS.sectionTitleMaxLength).trim();
      chapters.push({ title: title === '' ? untitled : title, blocks: [] });
    } else if (chapters.length === 0) {
      chapters.push({ title: untitled, blocks: [block] });
    } else {
      chapters[chapters.length - 1]?.blocks.push(block);
    }
  }
  return chapters.map((chapter) => ({ ...chapter, words: countWords(textOf(chapter.blocks)) }));
}

/** The words as the section will count them: footnotes too (libs/editor's plain text keeps them). */
function textOf(blocks: readonly Block[]): string {
  const lines: string[] = [];
  eachBlock(blocks, (block) => {
    if (block.kind === 'paragraph' || block.kind === 'heading') {
      const notes = block.inlines.map((inline) => (inline.kind === 'footnote' ? inline.text : ''));
      lines.push(inlineText(block.inlines), ...notes);
    }
  });
  return lines.join('\n');
}
