import type { Pieces, RenderBlock, RenderSection } from '../render-data.js';
import { anyBlock } from '../tables.js';

/**
 * The numbers of the report's figures and tables ("Abbildung 3", "Tabelle 2"). Typst counts them
 * for the PDF; here they are counted beforehand, because a cross-reference may point forward.
 * Counted as the PDF counts: through the whole report, figures (captioned images, and the notes
 * in place of images that keep their caption) and tables apart, in reading order, each block
 * before what it holds (a table before the figures in its cells), which is the order the
 * serializer writes them in too.
 */
export class FigureNumbers {
  private readonly byBlock = new Map<RenderBlock, number>();
  /** By the label figure-refs.ts gave the first numbered figure of each id. */
  private readonly byLabel = new Map<string, number>();
  /** Every numbered figure and table with its caption, in reading order: the lists of figures and tables. */
  readonly captions: Array<{ kind: 'figure' | 'table'; number: number; cap: Pieces }> = [];

  constructor(sections: readonly RenderSection[]) {
    const count = { figure: 0, table: 0 };
    for (const section of sections) {
      anyBlock(section.blocks, (block) => {
        if ((block.k === 'img' || block.k === 'noimg' || block.k === 'table') && block.cap !== null) {
          const kind = block.k === 'table' ? 'table' : 'figure';
          count[kind] += 1;
          this.byBlock.set(block, count[kind]);
          this.captions.push({ kind, number: count[kind], cap: block.cap });
          if (block.label !== undefined) {
            this.byLabel.set(block.label, count[kind]);
          }
        }
        return false; // walk everything
      });
    }
  }

  of(block: RenderBlock): number | undefined {
    return this.byBlock.get(block);
  }

  ofLabel(label: string): number | undefined {
    return this.byLabel.get(label);
  }
}
