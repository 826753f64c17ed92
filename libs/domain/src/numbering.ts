/** What numbering needs to know of a section of the outline. */
export interface NumberableSection {
  id: string;
  parentId: string | null;
  position: number;
  numbered: boolean;
}

/**
 * The outline numbers ("1", "1.2", "3.1.4") of every section: siblings in the order of
 * their positions, counting only numbered ones, so that an unnumbered foreword or annex
 * shifts nothing. An unnumbered section and everything below it carries no number (null).
 * Sections whose parent is missing are treated as top-level.
 */
export function numberOutline(sections: readonly NumberableSection[]): Map<string, string | null> {
  const ids = new Set(sections.map((section) => section.id));
  const children = new Map<string | null, NumberableSection[]>();
  for (const section of sections) {
    const parent = section.parentId !== null && ids.has(section.parentId) ? section.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(section);
    children.set(parent, list);
  }
  const numbers = new Map<string, string | null>();
  const visit = (parentId: string | null, prefix: string | null): void => {
    const siblings = [...(children.get(parentId) ?? [])].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
    let counter = 0;
    for (const section of siblings) {
      let number: string | null = null;
      if (section.numbered && (parentId === null || prefix !== null)) {
        counter += 1;
        number = prefix === null ? String(counter) : `${prefix}.${counter}`;
      }
      numbers.set(section.id, number);
      visit(section.id, number);
    }
  };
  visit(null, null);
  return numbers;
}
