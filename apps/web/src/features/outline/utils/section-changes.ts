import type { Section } from '@kapitel/domain';
import { parseWholeNumber } from '../../../lib/validation';

/** What the "Titel und Nummerierung" form saves. */
export interface SettingsValues {
  title: string;
  numbered: boolean;
}

/** What the "Zuweisung" form saves; the form's strings, '' for none. */
export interface AssignmentValues {
  assigneeIds: readonly string[];
  reviewerId: string;
  dueDate: string;
  /** As typed ("1.500"); '' for none. */
  targetWords: string;
}

export function settingsOf(section: Pick<Section, 'title' | 'numbered'>): SettingsValues {
  return { title: section.title, numbered: section.numbered };
}

export function assignmentOf(
  section: Pick<Section, 'assigneeIds' | 'reviewerId' | 'dueDate' | 'targetWords'>,
): AssignmentValues {
  return {
    assigneeIds: section.assigneeIds,
    reviewerId: section.reviewerId ?? '',
    dueDate: section.dueDate ?? '',
    targetWords: section.targetWords === null ? '' : String(section.targetWords),
  };
}

/** Whether saving would change title or numbering; the title is saved trimmed, so spaces around it are no change. */
export function settingsChanged(saved: SettingsValues, values: SettingsValues): boolean {
  return values.title.trim() !== saved.title || values.numbered !== saved.numbered;
}

/** Whether saving would change the assignment; the order in which people were ticked is no change. */
export function assignmentChanged(saved: AssignmentValues, values: AssignmentValues): boolean {
  const before = new Set(saved.assigneeIds);
  const after = new Set(values.assigneeIds);
  return (
    before.size !== after.size ||
    [...after].some((id) => !before.has(id)) ||
    values.reviewerId !== saved.reviewerId ||
    values.dueDate !== saved.dueDate ||
    targetOf(values.targetWords) !== targetOf(saved.targetWords)
  );
}

/** The target a form value stands for: "1.500" and "1500" are the same, '' is none. */
export function targetOf(value: string): number | string | null {
  return value.trim() === '' ? null : (parseWholeNumber(value) ?? value.trim());
}
