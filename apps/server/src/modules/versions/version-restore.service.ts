import { can, DomainError, REVIEW_STATES, type SectionVersion } from '@kapitel/domain';
import { jsonOfState, restoreUpdate } from '@kapitel/editor';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/http/request-context.js';
import { announceChange } from '../../common/project-changes.js';
import { AuditService } from '../audit/audit.service.js';
import { CollabService } from '../collab/collab.service.js';
import { DocumentRepository } from '../documents/document.repository.js';
import { VersionService, type VersionAccess } from './version.service.js';

/**
 * Restoring a version: the section's text becomes the version's content again as a new
 * edit. Nothing is destroyed: the text as it was is first kept as a named version, and the
 * change is a Yjs update computed against the current state and submitted through the
 * section's collaboration room, so it is stored before anyone sees it and reaches every
 * open editor live (ARCHITECTURE.md, rule 5).
 */
@Injectable()
export class VersionRestoreService {
  constructor(
    private readonly versions: VersionService,
    private readonly documents: DocumentRepository,
    private readonly collab: CollabService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Returns the version that holds the text as it was before the restore. */
  async restore(actor: Actor, projectId: string, sectionId: string, versionId: string): Promise<SectionVersion> {
    const { before, restored } = await this.db.transaction(async (em) => {
      const access = await this.versions.access(actor, projectId, sectionId, em);
      const version = await this.versions.mustFindWithState(sectionId, versionId, em);
      assertMayEditText(access);
      const kept = await this.versions.store(actor, projectId, sectionId, { restoring: versionId }, em);
      return { before: kept, restored: version };
    });
    // From here on the "before" version is committed, whatever happens next: should the
    // restore itself fail or be refused, it stays in the list, a harmless copy of the
    // current text (and proof that someone tried).
    // Rendered from the version's Yjs state as `GET .../versions/:id` shows it; throws
    // (a 500) rather than restoring an empty text when the state no longer fits the schema.
    const update = restoreUpdate(await this.documents.currentState(sectionId), jsonOfState(restored.state));
    const stored = await this.collab.server.submit(sectionId, projectId, update);
    if (!stored) {
      // The state changed between our check and the room's commit (a submit for review, an
      // approval): the room's own append refused the update under the section row's lock.
      throw new DomainError('NOT_EDITABLE', 'The section cannot be edited in its current review state');
    }
    await this.audit.record({
      action: 'section.version_restored',
      actorId: actor.userId,
      projectId,
      targetType: 'section',
      targetId: sectionId,
      data: { versionId, kind: restored.kind, label: restored.label, beforeVersionId: before.id },
      client: actor,
    });
    // At once, not with the next throttled `text` change: open editors say who replaced the
    // text (a co-author's next keystrokes may otherwise land in a paragraph that is gone).
    await announceChange(this.db.manager, { projectId, topic: 'text', sectionId, userId: actor.userId, restored: true });
    return before;
  }
}

/**
 * A role (and assignment) that could never edit this section's text gets 403; one that
 * could, but not in the section's review state (in review, approved), gets 409.
 */
export function assertMayEditText({ role, section, isAssignee }: VersionAccess): void {
  if (!REVIEW_STATES.some((reviewState) => can(role, 'section.edit', { reviewState, isAssignee }))) {
    throw new DomainError('FORBIDDEN', `Your role (${role}) does not allow editing this section`);
  }
  if (!can(role, 'section.edit', { reviewState: section.state, isAssignee })) {
    throw new DomainError('NOT_EDITABLE', `A section in state ${section.state} cannot be edited; nothing was changed`);
  }
}
