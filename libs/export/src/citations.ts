import type { EntryPiece } from '@kapitel/domain';
import { citationLabel, citationLocator, citationPrefix, citationShown, citationSourceId } from '@kapitel/editor';
import { attr } from './json-nodes.js';
import type { ReportLabels } from './labels.js';
import type { ProseMirrorJson, ReportSource } from './model.js';
import type { FootnotePiece, Pieces, RenderInline } from './render-data.js';

/** A piece of a bibliography entry as the template sets it: words or a web address as in footnotes, or the title (`i`, italic). */
export type RenderEntryPiece = FootnotePiece | { k: 'i'; s: Pieces };

/** One entry of the bibliography: its pieces, and the label (`to`) its citations link to. */
export interface RenderSourceEntry {
  to: string;
  e: RenderEntryPiece[];
}

/** How render-data.ts turns user text into template text: plain words, and words with web addresses. */
export interface CitationText {
  pieces: (text: string) => Pieces;
  withAddresses: (text: string) => FootnotePiece[];
}

/**
 * The citations of one render ("(KGSt 2023, S. 12)") and the bibliography they lead to.
 *
 * A citation says its source's current label (the model's, labelled over the project's whole
 * list), never the one it remembers: that may be stale since a year was corrected or a second
 * "KGSt 2023" came. It is a link to its source's entry, tagged like a cross-reference (the
 * template sets both as `ref`). A citation whose source is not in the model (deleted, pasted
 * from another project) reads as a cross-reference whose target is gone: its remembered label,
 * in a draft after "Verweis fehlt:", without a link. The bibliography lists the model's sources
 * that a citation of the rendered text names, in the model's order.
 */
export class Citations {
  /** The model's sources by id, each with the template label of its entry (`src0`, …: a UUID needs no escaping then). */
  private readonly targets = new Map<string, { key: string; source: ReportSource }>();
  private readonly cited = new Set<string>();
  /** Citations whose source is not in the model. */
  missing = 0;

  constructor(
    sources: readonly ReportSource[] | undefined,
    private readonly labels: ReportLabels,
    private readonly draft: boolean,
    private readonly text: CitationText,
  ) {
    const list: readonly ReportSource[] = Array.isArray(sources) ? (sources as readonly ReportSource[]) : [];
    list.forEach((source, index) => {
      const id = citationSourceId(source?.id);
      if (id !== '' && !this.targets.has(id)) {
        this.targets.set(id, { key: `src${index}`, source });
      }
    });
  }

  /** A `citation` node as linked words. */
  reference(node: ProseMirrorJson): RenderInline {
    const id = citationSourceId(attr(node, 'sourceId'));
    const locator = citationLocator(attr(node, 'locator'));
    const prefix = citationPrefix(attr(node, 'prefix'));
    const target = this.targets.get(id);
    if (target) {
      this.cited.add(id);
      const label = typeof target.source.label === 'string' ? target.source.label.trim() : '';
      return {
        k: 'ref',
        to: target.key,
        s: this.text.pieces(citationShown(label || this.labels.source, locator, prefix)),
      };
    }
    this.missing += 1;
    const s = this.text.pieces(
      citationShown(citationLabel(attr(node, 'label')) || this.labels.source, locator, prefix),
    );
    return { k: 'ref', to: null, s: this.draft ? [`${this.labels.missingSource} `, ...s] : s };
  }

  /** The entries of the cited sources, in the model's order: once every section is rendered. */
  entries(): RenderSourceEntry[] {
    return [...this.targets]
      .filter(([id]) => this.cited.has(id))
      .map(([, { key, source }]) => ({
        to: key,
        e: (Array.isArray(source.entry) ? source.entry : []).flatMap((p) => this.piece(p)),
      }));
  }

  /** Every text through the text pieces (markup stays text, quotes become the language's); an address as in a footnote. */
  private piece(piece: EntryPiece): RenderEntryPiece[] {
    if (typeof piece?.text !== 'string') {
      return [];
    }
    if (piece.kind === 'url') {
      return this.text.withAddresses(piece.text);
    }
    const s = this.text.pieces(piece.text);
    return s.length === 0 ? [] : [piece.kind === 'title' ? { k: 'i', s } : { k: 't', s }];
  }
}
