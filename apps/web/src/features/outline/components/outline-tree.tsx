import type { OutlineNode } from '@kapitel/domain';
import type { ReactNode } from 'react';

export interface OutlineTreeProps {
  nodes: readonly OutlineNode[];
  renderItem: (node: OutlineNode) => ReactNode;
  label?: string;
}

/**
 * The outline as nested ordered lists, so that assistive technology announces each
 * level and its length the way the report's table of contents will read.
 */
export function OutlineTree({ nodes, renderItem, label }: OutlineTreeProps) {
  return (
    <ol className="outline-tree" aria-label={label}>
      {nodes.map((node) => (
        <li key={node.id} className="outline-tree__item">
          {renderItem(node)}
          {node.children.length > 0 ? <OutlineTree nodes={node.children} renderItem={renderItem} /> : null}
        </li>
      ))}
    </ol>
  );
}
