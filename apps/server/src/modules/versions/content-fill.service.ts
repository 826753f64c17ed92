import { DomainError, invalidField } from '@kapitel/domain';
import { documentOfJson, HEADING_LEVELS, jsonOfState, restoreUpdate, sectionTextOf } from '@kapitel/editor';
import { Injectable } from '@nestjs/common';
import type { JSONContent } from '@tiptap/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/http/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { CollabService } from '../collab/collab.service.js';
import { DocumentRepository } from '../documents/document.repository.js';
import { assertMayEditText } from './version-restore.service.js';
import { VersionService } from './version.service.js';

/** A document of the editor schema. */
type ProseMirrorNode = ReturnType<typeof documentOfJson>;

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
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async fill(actor: Actor, projectId: string, sectionId: string, json: JSONContent): Promise<void> {
    assertMayEditText(await this.versions.access(actor, projectId, sectionId));
    let document: ProseMirrorNode;
    try {
      document = documentOfJson(json);
      if (document.type.name !== 'doc') {
        throw new Error(`a ${document.type.name}, not a document`);
      }
    } catch {
      throw invalidField('json', 'json must be a document of the editor schema (type "doc" with its blocks)');
    }
    const problem = contentProblem(document, projectId);
    if (problem !== null) {
      throw invalidField('json', problem);
    }
    // One fill at a time per section, across processes: the emptiness checked is the emptiness
    // the edit meets (the room stores an update before submit() answers).
    await this.db.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`content-fill:${sectionId}`]);
      const current = await this.documents.currentState(sectionId);
      if (!isEmpty(jsonOfState(current))) {
        throw new DomainError('CONFLICT', 'The section has text already; only an empty section is filled');
      }
      if (!(await this.collab.server.submit(sectionId, projectId, restoreUpdate(current, json)))) {
        // Submitted for review or approved between the check and the room's commit.
        throw new DomainError('NOT_EDITABLE', 'The section cannot be edited in its current review state');
      }
    });
    const words = sectionTextOf(document);
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

/**
 * What the editor would never have written, named: an image that is not one of the project's
 * own uploads (a `data:` URL, another host, another project: the paste uploads them first, and
 * the export embeds only the project's images), a heading outside the section's levels.
 */
function contentProblem(document: ProseMirrorNode, projectId: string): string | null {
  const ownImage = new RegExp(
    `^/api/projects/${projectId}/images/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`,
    'i',
  );
  let problem: string | null = null;
  document.descendants((node) => {
    if (problem !== null) {
      return false;
    }
    if (node.type.name === 'image' && !ownImage.test(String(node.attrs.src))) {
      problem = `json has an image that is not one of this project's uploaded images (${String(node.attrs.src).slice(0, 60)}); upload it first`;
    } else if (
      node.type.name === 'heading' &&
      !(HEADING_LEVELS as readonly number[]).includes(Number(node.attrs.level))
    ) {
      problem = `json has a heading of level ${String(node.attrs.level)}; a section's headings have levels ${HEADING_LEVELS.join(', ')}`;
    }
    return true;
  });
  return problem;
}

/** No block with anything in it: a new section's text is one empty paragraph, or nothing. */
function isEmpty(json: JSONContent): boolean {
  return (json.content ?? []).every(
    (block) => block.type === 'paragraph' && (block.content ?? []).length === 0,
  );
}
