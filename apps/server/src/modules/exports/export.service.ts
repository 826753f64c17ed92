import { DomainError, type CreatedExport, type ExportJob, type ExportMode } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/http/request-context.js';
import { announceChange } from '../../common/project-changes.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberService } from '../members/member.service.js';
import { ExportRepository } from './export.repository.js';
import { ExportRunner } from './export-runner.js';
import { ReportSource } from './report-source.js';

/** How many earlier exports the list shows. */
const LIST_LIMIT = 50;

/** Asking for exports, following them and downloading them (the runner makes them). */
@Injectable()
export class ExportService {
  constructor(
    private readonly exports: ExportRepository,
    private readonly source: ReportSource,
    private readonly members: MemberService,
    private readonly audit: AuditService,
    private readonly runner: ExportRunner,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async create(actor: Actor, projectId: string, mode: ExportMode): Promise<CreatedExport> {
    const job = await this.db.transaction(async (em) => {
      await this.members.assertCan(projectId, actor.userId, mode === 'final' ? 'export.final' : 'export.draft', undefined, em);
      if (mode === 'final') {
        await this.source.assertAllApproved(projectId);
      }
      const created = await this.exports.insert(projectId, mode, actor.userId, em);
      await this.audit.record(
        { action: 'export.requested', actorId: actor.userId, projectId, targetType: 'export', targetId: created.id,
          data: { mode }, client: actor },
        em,
      );
      // Every member's list of exports shows the new job (the runner announces its later steps).
      await announceChange(em, { projectId, topic: 'exports', exportId: created.id });
      return created;
    });
    this.runner.wake();
    return { id: job.id, status: job.status };
  }

  async list(actor: Actor, projectId: string): Promise<ExportJob[]> {
    await this.members.assertCan(projectId, actor.userId, 'project.read');
    return this.exports.list(projectId, LIST_LIMIT);
  }

  async get(actor: Actor, projectId: string, exportId: string): Promise<ExportJob> {
    await this.members.assertCan(projectId, actor.userId, 'project.read');
    const job = await this.exports.findById(projectId, exportId);
    if (!job) {
      throw new DomainError('NOT_FOUND', 'No such export');
    }
    return job;
  }

  async file(actor: Actor, projectId: string, exportId: string): Promise<{ pdf: Buffer; filename: string }> {
    const job = await this.get(actor, projectId, exportId);
    const file = job.status === 'done' ? await this.exports.findFile(projectId, exportId) : null;
    if (!file) {
      throw new DomainError('CONFLICT', job.status === 'failed' ? 'This export failed; it has no file' : 'This export is not done yet');
    }
    await this.audit.record({
      action: 'export.downloaded', actorId: actor.userId, projectId, targetType: 'export', targetId: exportId,
      data: { mode: job.mode, size: file.pdf.byteLength }, client: actor,
    });
    return file;
  }
}
