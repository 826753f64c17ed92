import { figureId, figureRefCaption, figureRefKind, type FigureKind } from '@kapitel/editor';
import { attr } from './json-nodes.js';
import type { ReportLabels } from './labels.js';
import type { ProseMirrorJson } from './model.js';
import type { Pieces, RenderBlock, RenderInline, RenderSection } from './render-data.js';
import { anyBlock, isNumberedFigure } from './tables.js';

/** A cross-reference to a figure or table as the template reads it (the `figref` inline of render-data.ts). */
type FigureRefInline = Extract<RenderInline, { k: 'figref' }>;

/** The label of a figure in the template: `fig-<figureId>` (a UUID: letters, digits and hyphens, all valid in a Typst label). */
const labelOf = (id: string): string => `fig-${id}`;

/**
 * The cross-references to figures and tables of one render ("siehe Abbildung 3", "Tabelle 2").
 *
 * The number is not computed here: the template reads it from Typst's own figure counter at
 * the target's label, so a reference always says what the figure's caption says, whatever
 * Typst counts (nested figures, figures in table cells, a figure Typst lays out elsewhere than
 * expected). What is decided here is which figure carries the label, and that only after all
 * sections are rendered: a reference may point forward, and only a figure that made it into
 * the render data (captioned, not flattened away as too deeply nested) may be labelled, since
 * Typst fails on a link to a label that does not exist, as it does on a label that occurs twice.
 * So: the first numbered figure of an id in reading order gets the label, a copy of it further
 * on (pasted into another section with its id) none.
 */
export class FigureRefs {
  /** The numbered figure blocks that carry an id, with it (the blocks themselves stay as the template reads them). */
  private readonly ids = new Map<RenderBlock, string>();
  private readonly refs: Array<{
    inline: FigureRefInline;
    figureId: string;
    caption: string;
    kind: FigureKind;
  }> = [];

  /**
   * @param labels the report's words ("Abbildung", "Tabelle", "Verweis fehlt:")
   * @param draft whether the export is a draft (a missing target says so) or final
   * @param pieces user text as template text (render-data.ts)
   */
  constructor(
    private readonly labels: ReportLabels,
    private readonly draft: boolean,
    private readonly pieces: (text: string) => Pieces,
  ) {}

  /** Notes the id of a block rendered from the image or table `node` when it is a numbered figure; returns the block. */
  figure(block: RenderBlock, node: ProseMirrorJson): RenderBlock {
    const id = figureId(attr(node, 'figureId'));
    if (id !== '' && isNumberedFigure(block)) {
      this.ids.set(block, id);
    }
    return block;
  }

  /** A `figureRef` node as an inline whose words and target `resolve()` fills in. */
  reference(node: ProseMirrorJson): RenderInline {
    const inline: FigureRefInline = { k: 'figref', to: null, s: [] };
    this.refs.push({
      inline,
      figureId: figureId(attr(node, 'figureId')),
      caption: figureRefCaption(attr(node, 'caption')),
      kind: figureRefKind(attr(node, 'kind')),
    });
    return inline;
  }

  /**
   * Labels the first numbered figure of each id in reading order (the sections in order, each
   * text from its start, a table before what its cells hold) and turns every reference into
   * its target's word, linked to that label: "Abbildung " for an image, "Tabelle " for a table
   * (by what the target is, not what the reference remembers), the template adding the number.
   * A reference whose target is not in the report (deleted, its caption removed, an id of
   * another project, none) reads as a reference to a section that is gone: the remembered
   * caption in quotes, in a draft after "Verweis fehlt:", without a link.
   * @returns how many references found no target (reported on the job, docs/export.md)
   */
  resolve(sections: readonly RenderSection[]): number {
    const targets = new Map<string, { label: string; word: string }>();
    for (const section of sections) {
      // anyBlock visits every block, each before the blocks inside it; it is asked only to walk here.
      anyBlock(section.blocks, (block) => {
        const id = this.ids.get(block);
        if (
          id !== undefined &&
          !targets.has(id) &&
          (block.k === 'img' || block.k === 'noimg' || block.k === 'table')
        ) {
          block.label = labelOf(id);
          targets.set(id, {
            label: block.label,
            word: block.k === 'table' ? this.labels.table : this.labels.figure,
          });
        }
        return false;
      });
    }
    let missing = 0;
    for (const ref of this.refs) {
      const target = ref.figureId === '' ? undefined : targets.get(ref.figureId);
      if (target) {
        ref.inline.to = target.label;
        ref.inline.s = [`${target.word}\u00A0`];
      } else {
        ref.inline.s = this.missing(ref.caption, ref.kind);
        missing += 1;
      }
    }
    return missing;
  }

  /** The words of a reference whose target is gone; a caption never remembered (none in a stored reference) is named by its kind. */
  private missing(caption: string, kind: FigureKind): Pieces {
    const shown = this.pieces(caption).filter((piece) => piece !== '');
    const named: Pieces =
      shown.length > 0 ? [true, ...shown, true] : [kind === 'table' ? this.labels.table : this.labels.figure];
    return this.draft ? [`${this.labels.missingRef} `, ...named] : named;
  }
}
