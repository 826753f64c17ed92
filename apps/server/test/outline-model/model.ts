import {
  numberOutline,
  type ErrorBody,
  type ErrorCode,
  type OutlineLink,
  type OutlineNode,
  type ReviewAction,
  type ReviewState,
  type SectionResponse,
} from '@kapitel/domain';
import type { Answer } from '../http-client.js';

// The in-memory model of an outline and its review states that predicts every answer.

export interface HistoryStep {
  action: ReviewAction;
  from: ReviewState;
  to: ReviewState;
  actorId: string;
  note: string | null;
}

export interface ModelSection {
  id: string;
  parentId: string | null;
  /** Kept as it was when the section went to the trash. */
  position: number;
  title: string;
  numbered: boolean;
  state: ReviewState;
  history: HistoryStep[];
  assigneeIds: string[];
  reviewerId: string | null;
  /** The root of the deletion that took it to the trash; null while live. */
  trashedWith: string | null;
}

/** The comparable face of a section, from the model, the database or the API. */
export interface SectionView {
  id: string;
  parentId: string | null;
  position: number;
  title: string;
  numbered: boolean;
  state: ReviewState;
  assigneeIds: string[];
  reviewerId: string | null;
}

export class OutlineModel {
  /** In order of creation, which picks depend on. */
  readonly sections = new Map<string, ModelSection>();

  all(): ModelSection[] {
    return [...this.sections.values()];
  }
  live(): ModelSection[] {
    return this.all().filter((section) => section.trashedWith === null);
  }
  get(id: string): ModelSection {
    const section = this.sections.get(id);
    if (!section) {
      throw new Error(`the model has no section ${id}`);
    }
    return section;
  }
  isLive(id: string | null): boolean {
    return id !== null && this.sections.get(id)?.trashedWith === null;
  }
  links(): OutlineLink[] {
    return this.live().map(({ id, parentId, position }) => ({ id, parentId, position }));
  }
  /** Live children of `parentId`, in order. */
  children(parentId: string | null): string[] {
    return this.live()
      .filter((section) => section.parentId === parentId)
      .sort((a, b) => a.position - b.position)
      .map((section) => section.id);
  }
  /** Makes `ids` the children of `parentId` in this order. */
  place(parentId: string | null, ids: readonly string[]): void {
    ids.forEach((id, index) => Object.assign(this.get(id), { parentId, position: index }));
  }
  numbers(): Map<string, string | null> {
    return numberOutline(this.live());
  }
  view(id: string): SectionView & { number: string | null } {
    const section = this.get(id);
    return {
      ...viewOf(section),
      number: section.trashedWith === null ? (this.numbers().get(id) ?? null) : null,
    };
  }
  /** The outline as GET /outline should show it. */
  tree(parentId: string | null = null, numbers = this.numbers()): unknown[] {
    return this.children(parentId).map((id) => ({
      ...viewOf(this.get(id)),
      number: numbers.get(id) ?? null,
      children: this.tree(id, numbers),
    }));
  }
}

export function viewOf(section: SectionView): SectionView {
  return {
    id: section.id,
    parentId: section.parentId,
    position: section.position,
    title: section.title,
    numbered: section.numbered,
    state: section.state,
    assigneeIds: [...section.assigneeIds].sort(),
    reviewerId: section.reviewerId,
  };
}

export function apiTree(nodes: readonly OutlineNode[]): unknown[] {
  return nodes.map((node) => ({ ...viewOf(node), number: node.number, children: apiTree(node.children) }));
}

// ---------------------------------------------------------------- one run against the server

export interface Expected {
  status: number;
  code?: ErrorCode;
  /** Why the model expects this answer, for the trace and the failure message. */
  because: string;
  /** The fields a 400 names. */
  fields?: string[];
}

/** A request ready to send, with the model's prediction and what a success changes in the model. */
export interface Plan {
  describe: string;
  expected: Expected;
  send(): Promise<Answer<SectionResponse & ErrorBody>>;
  /** Updates the model after a success; returns the id of the section the answer shows, if any. */
  apply(answer: SectionResponse): string | null;
}

export interface SectionRow {
  id: string;
  parent_id: string | null;
  position: number;
  title: string;
  numbered: boolean;
  state: ReviewState;
  reviewer_id: string | null;
  assignee_ids: string[];
  trashed_with: string | null;
  deleted: boolean;
  steps: HistoryStep[];
}

export const refused = (status: number, code: ErrorCode, because: string, fields?: string[]): Expected => ({
  status,
  code,
  because,
  fields,
});
