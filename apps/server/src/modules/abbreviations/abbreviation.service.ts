import { DomainError, LIMITS, type Abbreviation, type AbbreviationsResponse } from '@kapitel/domain';
import type { ReportAbbreviation } from '@kapitel/export';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/http/request-context.js';
import { announceChange } from '../../common/project-changes.js';
import { assertRoom } from '../../common/project-lists.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberService } from '../members/member.service.js';
import { sortAbbreviations } from './abbreviation-order.js';
import { toAbbreviation, type CreateAbbreviationDto, type UpdateAbbreviationDto } from './abbreviation.dto.js';
import { AbbreviationRepository, type AbbreviationRow } from './abbreviation.repository.js';

/** What the audit trail keeps of an entry: its two texts. */
function auditView(row: AbbreviationRow): { short: string; long: string } {
  return { short: row.short, long: row.long };
}

/**
 * The report's list of abbreviations (docs/abbreviations.md): every member reads it, leads
 * and authors keep it (`abbreviations.edit`). Every change runs in one transaction with its
 * audit row and the `abbreviations` announcement to the project's event streams.
 */
@Injectable()
export class AbbreviationService {
  constructor(
    private readonly abbreviations: AbbreviationRepository,
    private readonly members: MemberService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async list(actor: Actor, projectId: string): Promise<AbbreviationsResponse> {
    await this.members.assertCan(projectId, actor.userId, 'project.read');
    return { abbreviations: sortAbbreviations(await this.abbreviations.list(projectId)).map(toAbbreviation) };
  }

  /** The list as the PDF prints it (ReportSource), in the order of `list`. */
  async forReport(projectId: string): Promise<ReportAbbreviation[]> {
    return sortAbbreviations(await this.abbreviations.list(projectId)).map(({ short, long }) => ({ short, long }));
  }

  async create(actor: Actor, projectId: string, dto: CreateAbbreviationDto): Promise<Abbreviation> {
    return this.db.transaction(async (em) => {
      await this.abbreviations.holdProject(projectId, em);
      await this.members.assertCan(projectId, actor.userId, 'abbreviations.edit', undefined, em);
      await this.abbreviations.lockAdditions(projectId, em);
      assertRoom('abbreviations', await this.abbreviations.count(projectId, em), LIMITS.abbreviationsMax);
      const row = await this.abbreviations.insert({ projectId, short: dto.short, long: dto.long, createdBy: actor.userId }, em);
      await this.record(actor, 'abbreviation.created', row, { after: auditView(row) }, em);
      await announceChange(em, { projectId, topic: 'abbreviations' });
      return toAbbreviation(row);
    });
  }

  async update(actor: Actor, projectId: string, abbreviationId: string, dto: UpdateAbbreviationDto): Promise<Abbreviation> {
    return this.db.transaction(async (em) => {
      const before = await this.load(actor, projectId, abbreviationId, em);
      const short = dto.short ?? before.short;
      const long = dto.long ?? before.long;
      if (short === before.short && long === before.long) {
        return toAbbreviation(before);
      }
      const after = await this.abbreviations.update(projectId, abbreviationId, { short, long }, em);
      await this.record(actor, 'abbreviation.updated', after, { before: auditView(before), after: auditView(after) }, em);
      await announceChange(em, { projectId, topic: 'abbreviations' });
      return toAbbreviation(after);
    });
  }

  async remove(actor: Actor, projectId: string, abbreviationId: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const before = await this.load(actor, projectId, abbreviationId, em);
      await this.abbreviations.delete(projectId, abbreviationId, em);
      await this.record(actor, 'abbreviation.deleted', before, { before: auditView(before) }, em);
      await announceChange(em, { projectId, topic: 'abbreviations' });
    });
  }

  /**
   * The checks every change of an entry starts with, in order: member (404), allowed to edit
   * the list (403), the entry of this project, locked (404).
   */
  private async load(actor: Actor, projectId: string, abbreviationId: string, em: EntityManager): Promise<AbbreviationRow> {
    await this.members.assertCan(projectId, actor.userId, 'abbreviations.edit', undefined, em);
    const row = await this.abbreviations.findForUpdate(projectId, abbreviationId, em);
    if (!row) {
      throw new DomainError('NOT_FOUND', 'No such abbreviation');
    }
    return row;
  }

  private async record(
    actor: Actor,
    action: 'abbreviation.created' | 'abbreviation.updated' | 'abbreviation.deleted',
    row: AbbreviationRow,
    data: Record<string, unknown>,
    em: EntityManager,
  ): Promise<void> {
    await this.audit.record(
      { action, actorId: actor.userId, projectId: row.projectId, targetType: 'abbreviation', targetId: row.id, data, client: actor },
      em,
    );
  }
}
