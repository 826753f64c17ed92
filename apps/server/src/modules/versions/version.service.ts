import { can, DomainError, type Role, type Section, type SectionVersion, type VersionContentResponse } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/http/request-context.js';
import { announceChange } from '../../common/project-changes.js';
import { AuditService } from '../audit/audit.service.js';
import { DocumentRepository, type StoredVersion, type VersionRow } from '../documents/document.repository.js';
import { MemberService } from '../members/member.service.js';
import { OutlineService } from '../outline/outline.service.js';
import { toSectionVersion, type CreateVersionDto } from './version.dto.js';

/** Who asks about which section: their role and the live section (its state and assignees). */
export interface VersionAccess {
  role: Role;
  section: Section;
  isAssignee: boolean;
}

/**
 * A section's versions: listing and reading them (every member, like the text itself) and
 * storing a named one (whoever writes the section, in any review state: it changes no text).
 * Restoring is `VersionRestoreService`.
 */
@Injectable()
export class VersionService {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly outline: OutlineService,
    private readonly members: MemberService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async list(actor: Actor, projectId: string, sectionId: string): Promise<SectionVersion[]> {
    await this.access(actor, projectId, sectionId);
    return (await this.documents.listVersions(sectionId)).map(toSectionVersion);
  }

  async read(actor: Actor, projectId: string, sectionId: string, versionId: string): Promise<VersionContentResponse> {
    await this.access(actor, projectId, sectionId);
    const version = found(await this.documents.findVersionWithState(sectionId, versionId));
    return { version: toSectionVersion(version), ...this.documents.versionContent(sectionId, version.state) };
  }

  async create(actor: Actor, projectId: string, sectionId: string, dto: CreateVersionDto): Promise<SectionVersion> {
    return this.db.transaction(async (em) => {
      const { role, section, isAssignee } = await this.access(actor, projectId, sectionId, em);
      if (!can(role, 'version.create', { reviewState: section.state, isAssignee })) {
        throw new DomainError('FORBIDDEN', `Your role (${role}) does not allow keeping versions of this section`);
      }
      return this.store(actor, projectId, sectionId, { label: dto.label }, em);
    });
  }

  /**
   * Stores the section's current content as a named version inside the caller's
   * transaction, with its audit row and the `section` announcement (open pages reload
   * their version list). Kept by hand it has a label; kept before a restore it has none
   * but names the version being restored, and clients title it from that in the reader's
   * language and time zone.
   */
  async store(
    actor: Actor,
    projectId: string,
    sectionId: string,
    kept: { label: string } | { restoring: string },
    em: EntityManager,
  ): Promise<SectionVersion> {
    const label = 'label' in kept ? kept.label : null;
    const restoredFrom = 'restoring' in kept ? kept.restoring : undefined;
    const id = await this.documents.createVersion(
      sectionId,
      { kind: 'named', label, createdBy: actor.userId, restoredFrom },
      em,
    );
    const version = await this.mustFind(sectionId, id, em);
    const data = restoredFrom === undefined ? { reason: 'named' } : { reason: 'before_restore', restoring: restoredFrom };
    await this.audit.record(
      { action: 'section.version_created', actorId: actor.userId, projectId, targetType: 'section', targetId: sectionId,
        data: { versionId: id, label, ...data }, client: actor },
      em,
    );
    await announceChange(em, { projectId, topic: 'section', sectionId });
    return toSectionVersion(version);
  }

  /** Membership first (404 for a non-member, like a missing project), then the live section (404). */
  async access(actor: Actor, projectId: string, sectionId: string, em?: EntityManager): Promise<VersionAccess> {
    const role = await this.members.assertCan(projectId, actor.userId, 'project.read', undefined, em);
    const section = await this.outline.numbered(projectId, sectionId, em);
    return { role, section, isAssignee: section.assigneeIds.includes(actor.userId) };
  }

  /** A version of this section; 404 for an unknown id or a version of another section. */
  async mustFind(sectionId: string, versionId: string, em?: EntityManager): Promise<VersionRow> {
    return found(await this.documents.findVersion(sectionId, versionId, em));
  }

  /** The same with the version's Yjs state. */
  async mustFindWithState(sectionId: string, versionId: string, em?: EntityManager): Promise<StoredVersion> {
    return found(await this.documents.findVersionWithState(sectionId, versionId, em));
  }
}

function found<T>(version: T | null): T {
  if (!version) {
    throw new DomainError('NOT_FOUND', 'No such version of this section');
  }
  return version;
}
