import type { Block } from './model';

type List = Extract<Block, { kind: 'list' }>;

/**
 * Blocks as a converter meets them, paragraph by paragraph: list items come as paragraphs with
 * a level (Word keeps lists flat), and quoted paragraphs one by one; here they become nested
 * lists and one quote for consecutive quoted paragraphs.
 */
export class BlockList {
  readonly blocks: Block[] = [];
  /** The lists open at the end, outermost first, with their levels. */
  private open: Array<{ list: List; level: number }> = [];

  add(block: Block): void {
    this.open = [];
    this.blocks.push(block);
  }

  addQuoted(block: Block): void {
    const last = this.blocks[this.blocks.length - 1];
    if (this.open.length === 0 && last?.kind === 'quote') {
      last.blocks.push(block);
    } else {
      this.add({ kind: 'quote', blocks: [block] });
    }
  }

  /** `number`: the item's number in a numbered list that may continue an earlier one. */
  addItem(block: Block, ordered: boolean, level: number, number = 1): void {
    while (this.open.length > 0 && (this.open[this.open.length - 1]?.level ?? 0) > level) {
      this.open.pop();
    }
    let top = this.open[this.open.length - 1];
    if (top !== undefined && top.level === level && top.list.ordered !== ordered) {
      // A bulleted list right after a numbered one at the same level: two lists.
      this.open.pop();
      top = this.open[this.open.length - 1];
    }
    if (top === undefined || top.level < level) {
      const list: List =
        ordered && number > 1
          ? { kind: 'list', ordered, items: [], start: number }
          : { kind: 'list', ordered, items: [] };
      if (top === undefined) {
        this.blocks.push(list);
      } else {
        const items = top.list.items;
        if (items.length === 0) {
          items.push([]); // a deeper level without an item above it hangs from an empty one
        }
        (items[items.length - 1] as Block[]).push(list);
      }
      this.open.push({ list, level });
      top = this.open[this.open.length - 1];
    }
    top?.list.items.push([block]);
  }
}
