import { DomainError, invalidField } from '@kapitel/domain';
import { documentOfJson, jsonOfState, restoreUpdate, sectionTextOf } from '@kapitel/editor';
import { Injectable } from '@nestjs/common';
import type { JSONContent } from '@tiptap/core';
import type { Actor } from '../../common/http/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { CollabService } from '../collab/collab.service.js';
import { DocumentRepository } from '../documents/document.repository.js';
import { assertMayEditText } from './version-restore.service.js';
import { VersionService } from './version.service.js';

/**
 * Filling an empty section with a text brought in from elsewhere (a chapter of a Word or
 * OpenDocument file the outline is made from, docs/import.md): the text becomes the section's
 * as one edit through its collaboration room, like a restore (stored before anyone sees it,
 * live in every open editor). Only an empty section is filled: nobody's text is replaced.
 */
@Injectable()
export class ContentFillService {
  constructor(
    private readonly versions: VersionService,
    private readonly documents: DocumentRepository,
    private readonly collab: CollabService,
    private readonly audit: AuditService,
  ) {}

  async fill(actor: Actor, projectId: string, sectionId: string, json: JSONContent): Promise<void> {
    assertMayEditText(await this.versions.access(actor, projectId, sectionId));
    let words: string;
    try {
      const document = documentOfJson(json);
      if (document.type.name !== 'doc') {
        throw new Error(`a ${document.type.name}, not a document`);
      }
      words = sectionTextOf(document);
    } catch {
      throw invalidField('json', 'json must be a document of the editor schema (type "doc" with its blocks)');
    }
    const current = await this.documents.currentState(sectionId);
    if (!isEmpty(jsonOfState(current))) {
      throw new DomainError('CONFLICT', 'The section has text already; only an empty section is filled');
    }
    if (!(await this.collab.server.submit(sectionId, projectId, restoreUpdate(current, json)))) {
      // Submitted for review or approved between the check and the room's commit.
      throw new DomainError('NOT_EDITABLE', 'The section cannot be edited in its current review state');
    }
    await this.audit.record({
      action: 'section.content_filled',
      actorId: actor.userId,
      projectId,
      targetType: 'section',
      targetId: sectionId,
      data: { characters: words.length },
      client: actor,
    });
  }
}

/** No block with anything in it: a new section's text is one empty paragraph, or nothing. */
function isEmpty(json: JSONContent): boolean {
  return (json.content ?? []).every(
    (block) => block.type === 'paragraph' && (block.content ?? []).length === 0,
  );
}
