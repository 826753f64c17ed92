import { describe, expect, it } from '@jest/globals';
import { overflowingItems, type MeasuredGroup, type ToolbarSpace } from './toolbar-fit';

const button = (key: string, width = 40) => ({ key, width });

// The toolbar's groups in the row's order; every button 40 px wide, 2 px between two buttons.
const GROUPS: MeasuredGroup[] = [
  { key: 'history', lead: 0, items: [button('undo'), button('redo')] },
  {
    key: 'blocks',
    lead: 0,
    items: [button('paragraph'), button('heading2'), button('heading3'), button('heading4')],
  },
  { key: 'marks', lead: 0, items: [button('bold'), button('italic'), button('underline'), button('strike')] },
  { key: 'lists', lead: 0, items: [button('bulletList'), button('blockquote')] },
  { key: 'inserts', lead: 0, items: [button('link'), button('footnote')] },
  { key: 'objects', lead: 0, items: [button('table'), button('image')] },
];
const PRIORITY = [
  'undo',
  'redo',
  'paragraph',
  'heading2',
  'heading3',
  'bold',
  'italic',
  'link',
  'bulletList',
  'image',
  'table',
  'footnote',
  'underline',
  'heading4',
  'blockquote',
  'strike',
];
// 16 buttons of 40, 10 gaps of 2 within the groups, 5 dividers of 10 between them.
const ALL = 16 * 40 + 10 * 2 + 5 * 10;
const space = (available: number): ToolbarSpace => ({ available, divider: 10, gap: 2, more: 60 });

describe('overflowingItems', () => {
  it('keeps every button in the row when all fit, without room for "Mehr"', () => {
    expect(overflowingItems(GROUPS, PRIORITY, space(ALL))).toEqual([]);
    expect(overflowingItems(GROUPS, PRIORITY, space(ALL + 100))).toEqual([]);
  });

  it('takes the least important buttons out first, keeping room for "Mehr" once one is out', () => {
    // One px short of all: with room for "Mehr" (60) the last two (strike, blockquote: 84) go.
    expect(overflowingItems(GROUPS, PRIORITY, space(ALL - 1))).toEqual(['strike', 'blockquote']);
  });

  it('keeps link, image, table and footnote in the row before the rarer formatting', () => {
    // Undo redo | ¶ H2 H3 | B I | • | link footnote | table image: 542 px, with "Mehr" 602.
    expect(overflowingItems(GROUPS, PRIORITY, space(602))).toEqual([
      'heading4',
      'underline',
      'strike',
      'blockquote',
    ]);
    // One px less: the footnote, the least important of them, goes first.
    expect(overflowingItems(GROUPS, PRIORITY, space(601))).toEqual([
      'heading4',
      'underline',
      'strike',
      'blockquote',
      'footnote',
    ]);
  });

  it('keeps the row’s order: the buttons left stand where they stood, the menu lists in the row’s order', () => {
    // Undo redo | ¶ H2 H3 | B I | • | link: 408 px, with "Mehr" 468.
    const hidden = overflowingItems(GROUPS, PRIORITY, space(470));
    expect(hidden).toEqual(['heading4', 'underline', 'strike', 'blockquote', 'footnote', 'table', 'image']);
  });

  it('counts a divider only between groups that show a button, and a lead only while its group shows one', () => {
    const groups: MeasuredGroup[] = [
      { key: 'a', lead: 0, items: [button('a1')] },
      { key: 'b', lead: 0, items: [button('b1')] },
      { key: 'c', lead: 50, items: [button('c1'), button('c2')] },
      { key: 'd', lead: 0, items: [button('d1')] },
    ];
    // a1 and d1 with one divider: 90, and "Mehr" 60. Were the empty b and c counted, 110 + 60.
    expect(overflowingItems(groups, ['a1', 'd1', 'b1', 'c1'], space(150))).toEqual(['b1', 'c1', 'c2']);
    // c1 with c's lead: 90 + 10 + 50 + 40 = 190, and "Mehr" 250.
    expect(overflowingItems(groups, ['a1', 'd1', 'c1', 'b1'], space(249))).toEqual(['b1', 'c1', 'c2']);
    expect(overflowingItems(groups, ['a1', 'd1', 'c1', 'b1'], space(250))).toEqual(['b1', 'c2']);
  });

  it('only ever takes buttons away as the row gets narrower, in the order of importance', () => {
    const order = [...PRIORITY].reverse();
    let previous: string[] = [];
    for (let available = ALL + 20; available >= 0; available -= 1) {
      const hidden = overflowingItems(GROUPS, PRIORITY, space(available));
      expect(previous.every((key) => hidden.includes(key))).toBe(true);
      // What is out is always the least important part of the order.
      expect(new Set(hidden)).toEqual(new Set(order.slice(0, hidden.length)));
      previous = hidden;
    }
    expect(previous).toHaveLength(16);
  });

  it('stops at the first button that does not fit instead of filling the gap with a lesser one', () => {
    const groups: MeasuredGroup[] = [
      { key: 'a', lead: 0, items: [button('a1'), button('wide', 200)] },
      { key: 'b', lead: 0, items: [button('b1')] },
    ];
    // a1 (40) and "Mehr" fit in 150, the wide one not: b1 would, but stays out after it.
    expect(overflowingItems(groups, ['a1', 'wide', 'b1'], space(150))).toEqual(['wide', 'b1']);
  });

  it('counts a button missing from the priority as less important than all in it', () => {
    const groups: MeasuredGroup[] = [
      { key: 'extra', lead: 0, items: [button('extra')] },
      { key: 'history', lead: 0, items: [button('undo'), button('redo')] },
    ];
    // Undo and redo (82) and "Mehr" (40) fit in 131, the extra one (+50) not.
    expect(overflowingItems(groups, PRIORITY, { ...space(131), more: 40 })).toEqual(['extra']);
  });

  it('moves everything into the menu when not even the first button fits', () => {
    expect(overflowingItems(GROUPS.slice(0, 1), PRIORITY, space(70))).toEqual(['undo', 'redo']);
  });
});
