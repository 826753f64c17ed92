import {
  can,
  DomainError,
  invalidField,
  REVIEW_STATES,
  type CommentAnchor,
  type Role,
  type Section,
} from '@kapitel/domain';
import { anchoredText, suggestionUpdate } from '@kapitel/editor';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { CollabService } from '../collab/collab.service.js';
import { DocumentRepository } from '../documents/document.repository.js';
import type { CreateCommentDto } from './comment.dto.js';
import type { CommentRow } from './comment.repository.js';
import { suggestsOpenChange, type Viewer } from './comment-view.js';

/**
 * Suggested changes (docs/comments.md, "Suggested changes"): reading the passage a new
 * suggestion replaces, and putting an accepted one into the text through the section's
 * collaboration room, so that it is stored before anyone sees it (ARCHITECTURE.md, rule 5).
 * A reviewer suggests without write access to the text: the edit is made by whoever accepts.
 */
@Injectable()
export class CommentSuggestions {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly collab: CollabService,
  ) {}

  /**
   * The suggestion of a new comment with the passage's text it replaces, read from the
   * section's stored text (what every client has seen); null when it suggests nothing.
   */
  async read(
    sectionId: string,
    dto: Pick<CreateCommentDto, 'anchor' | 'parentId' | 'suggestion'>,
    em: EntityManager,
  ): Promise<{ text: string; quote: string } | null> {
    const text = dto.suggestion ?? null;
    if (text === null) {
      return null;
    }
    if ((dto.parentId ?? null) !== null) {
      throw invalidField('suggestion', 'a reply suggests no change: suggest it in a thread of its own');
    }
    if (!dto.anchor) {
      throw invalidField('anchor', 'a suggested change needs an anchor: the passage it replaces');
    }
    const quote = passageText(await this.documents.currentState(sectionId, em), dto.anchor);
    if (quote === null) {
      throw invalidField(
        'anchor',
        "anchor must lie on text of the section: the passage is not in the section's text",
      );
    }
    if (quote === text) {
      throw invalidField('suggestion', 'suggestion must differ from the passage it replaces');
    }
    return { text, quote };
  }

  /**
   * Checks that `comment` suggests a change `viewer` may put into the text now: 400 for a
   * comment that suggests none, 409 when it is no longer open, 403 for a role that could never
   * edit the section, 409 `NOT_EDITABLE` in a review state that does not allow it now.
   */
  assertMayAccept(comment: CommentRow, role: Role, viewer: Viewer, section: Section): void {
    if (comment.parentId !== null || comment.suggestion === null) {
      throw invalidField('commentId', 'this comment suggests no change');
    }
    if (comment.suggestionAcceptedAt !== null) {
      throw new DomainError('CONFLICT', 'This suggested change was accepted already');
    }
    if (!suggestsOpenChange(comment)) {
      throw new DomainError('CONFLICT', 'This thread is resolved: reopen it to accept its suggested change');
    }
    this.assertMayWrite(role, viewer, section);
  }

  /** 403 for whoever may never write the section's text, 409 `NOT_EDITABLE` while nobody may. */
  assertMayWrite(role: Role, viewer: Viewer, section: Section): void {
    const couldEdit = REVIEW_STATES.some((reviewState) =>
      can(role, 'section.edit', { reviewState, isAssignee: viewer.isAssignee }),
    );
    if (!couldEdit) {
      throw new DomainError('FORBIDDEN', `Your role (${role}) does not allow editing this section's text`);
    }
    if (!viewer.mayEditText) {
      throw new DomainError(
        'NOT_EDITABLE',
        `A section in state ${section.state} cannot be edited; nothing was changed`,
      );
    }
  }

  /**
   * Puts the suggested text in place of the passage through the section's room and returns
   * an anchor on the new text (null when the change deleted the passage). 409
   * `SUGGESTION_OUTDATED` when the passage no longer reads as it did when the change was
   * suggested, or is gone: nobody's later edit is overwritten unseen.
   */
  async apply(comment: CommentRow, projectId: string): Promise<CommentAnchor | null> {
    const { anchorStart, anchorEnd, suggestion, suggestionQuote } = comment;
    if (anchorStart === null || anchorEnd === null || suggestion === null || suggestionQuote === null) {
      throw new Error(`comment ${comment.id} suggests a change without an anchor or a quote`);
    }
    const anchor = { start: anchorStart.toString('base64'), end: anchorEnd.toString('base64') };
    const edit = suggestionUpdate(
      await this.documents.currentState(comment.sectionId),
      anchor,
      suggestionQuote,
      suggestion,
    );
    if (edit === 'detached' || edit === 'changed') {
      throw new DomainError(
        'SUGGESTION_OUTDATED',
        edit === 'detached'
          ? 'The passage this change was suggested for has been deleted'
          : 'The passage has been edited since this change was suggested; change it by hand',
      );
    }
    if (!(await this.collab.server.submit(comment.sectionId, projectId, edit.update))) {
      // Submitted for review or approved between the check and the room's commit.
      throw new DomainError('NOT_EDITABLE', 'The section cannot be edited in its current review state');
    }
    return edit.anchor;
  }
}

/** The text `anchor` covers in the section state, or null when the passage is not in it. */
function passageText(state: Uint8Array, anchor: CommentAnchor): string | null {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, state);
    return anchoredText(doc, anchor);
  } finally {
    doc.destroy();
  }
}
