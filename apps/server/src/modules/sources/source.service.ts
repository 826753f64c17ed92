import { DomainError, EMPTY_SOURCE, LIMITS, SOURCE_FIELDS, sortSources, type Source, type SourceCitationsResponse, type SourceInput, type SourcesResponse } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/http/request-context.js';
import { announceChange } from '../../common/project-changes.js';
import { assertRoom } from '../../common/project-lists.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberService } from '../members/member.service.js';
import { SourceCitations } from './source-citations.js';
import { toSource, type CreateSourceDto, type UpdateSourceDto } from './source.dto.js';
import { SourceRepository, type SourceRow } from './source.repository.js';

/** The fields of `base` with those the request sends instead (an omitted one stays). */
function withChanges(base: SourceInput, dto: Partial<SourceInput>): SourceInput {
  const fields = { ...EMPTY_SOURCE };
  for (const field of SOURCE_FIELDS) {
    fields[field] = dto[field] ?? base[field];
  }
  return fields;
}

/** What the audit trail keeps of a source: its fields. */
function fieldsOf(row: SourceInput): SourceInput {
  return withChanges(row, {});
}

/**
 * `accessed` says when the address was looked at: without an address it says nothing. Checked
 * on the source as it will be, since a change may send either field alone.
 */
function assertAccessedHasUrl(fields: SourceInput): void {
  if (fields.accessed !== '' && fields.url === '') {
    const message = 'accessed needs a url';
    throw new DomainError('VALIDATION', message, [{ field: 'accessed', message }]);
  }
}

/**
 * The report's list of sources (docs/sources.md): every member reads it, leads and authors
 * keep it (`sources.edit`). Every change runs in one transaction with its audit row and the
 * `sources` announcement to the project's event streams; a cited source is not deleted.
 */
@Injectable()
export class SourceService {
  constructor(
    private readonly sources: SourceRepository,
    private readonly citations: SourceCitations,
    private readonly members: MemberService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async list(actor: Actor, projectId: string): Promise<SourcesResponse> {
    await this.members.assertCan(projectId, actor.userId, 'project.read');
    return { sources: await this.forReport(projectId) };
  }

  /** The project's sources in the bibliography's order (`sortSources`), for the export to label and pick from. */
  async forReport(projectId: string): Promise<Source[]> {
    return sortSources((await this.sources.list(projectId)).map(toSource));
  }

  async create(actor: Actor, projectId: string, dto: CreateSourceDto): Promise<Source> {
    const fields = withChanges(EMPTY_SOURCE, dto);
    return this.db.transaction(async (em) => {
      await this.sources.holdProject(projectId, em);
      await this.members.assertCan(projectId, actor.userId, 'sources.edit', undefined, em);
      assertAccessedHasUrl(fields);
      await this.sources.lockAdditions(projectId, em);
      assertRoom('sources', await this.sources.count(projectId, em), LIMITS.sourcesMax);
      const row = await this.sources.insert(projectId, fields, actor.userId, em);
      await this.record(actor, 'source.created', row, { after: fieldsOf(row) }, em);
      await announceChange(em, { projectId, topic: 'sources' });
      return toSource(row);
    });
  }

  async update(actor: Actor, projectId: string, sourceId: string, dto: UpdateSourceDto): Promise<Source> {
    return this.db.transaction(async (em) => {
      const before = await this.load(actor, projectId, sourceId, em);
      const fields = withChanges(before, dto);
      assertAccessedHasUrl(fields);
      if (SOURCE_FIELDS.every((field) => fields[field] === before[field])) {
        return toSource(before);
      }
      const after = await this.sources.update(projectId, sourceId, fields, em);
      await this.record(actor, 'source.updated', after, { before: fieldsOf(before), after: fieldsOf(after) }, em);
      await announceChange(em, { projectId, topic: 'sources' });
      return toSource(after);
    });
  }

  /** Where the source is cited: what would keep it from being deleted. */
  async citedIn(actor: Actor, projectId: string, sourceId: string): Promise<SourceCitationsResponse> {
    await this.members.assertCan(projectId, actor.userId, 'project.read');
    if (!(await this.sources.find(projectId, sourceId))) {
      throw noSuchSource();
    }
    return { sections: await this.citations.sectionsCiting(projectId, sourceId) };
  }

  /**
   * Deletes a source that no section cites. The texts are read before the transaction: that
   * takes connections of its own and, for a long report, a while, which no row lock should wait on.
   */
  async remove(actor: Actor, projectId: string, sourceId: string): Promise<void> {
    await this.members.assertCan(projectId, actor.userId, 'sources.edit');
    const source = await this.sources.find(projectId, sourceId);
    if (!source) {
      throw noSuchSource();
    }
    const citing = await this.citations.sectionsCiting(projectId, sourceId);
    if (citing.length > 0) {
      // The details list the sections one by one, for a client to show or link them.
      const message = `This source is cited in ${citing.map((title) => `"${title}"`).join(', ')}; remove the citations first`;
      throw new DomainError('SOURCE_IN_USE', message, citing.map((title) => ({ field: 'sections', message: title })));
    }
    await this.db.transaction(async (em) => {
      const before = await this.load(actor, projectId, sourceId, em);
      await this.sources.delete(projectId, sourceId, em);
      await this.record(actor, 'source.deleted', before, { before: fieldsOf(before) }, em);
      await announceChange(em, { projectId, topic: 'sources' });
    });
  }

  /**
   * The checks every change of a source starts with, in order: member (404), allowed to edit
   * the list (403), the source of this project, locked (404).
   */
  private async load(actor: Actor, projectId: string, sourceId: string, em: EntityManager): Promise<SourceRow> {
    await this.members.assertCan(projectId, actor.userId, 'sources.edit', undefined, em);
    const row = await this.sources.find(projectId, sourceId, em);
    if (!row) {
      throw noSuchSource();
    }
    return row;
  }

  private async record(
    actor: Actor,
    action: 'source.created' | 'source.updated' | 'source.deleted',
    row: SourceRow,
    data: Record<string, unknown>,
    em: EntityManager,
  ): Promise<void> {
    await this.audit.record(
      { action, actorId: actor.userId, projectId: row.projectId, targetType: 'source', targetId: row.id, data, client: actor },
      em,
    );
  }
}

function noSuchSource(): DomainError {
  return new DomainError('NOT_FOUND', 'No such source');
}
