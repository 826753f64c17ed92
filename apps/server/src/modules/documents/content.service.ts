import { DomainError } from '@kapitel/domain';
import type { SectionContent } from '@kapitel/editor';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/http/request-context.js';
import { MemberService } from '../members/member.service.js';
import { DocumentRepository } from './document.repository.js';

/** Reading a section's text over HTTP (a reviewer needs no WebSocket for it). */
@Injectable()
export class ContentService {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly members: MemberService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async current(actor: Actor, projectId: string, sectionId: string): Promise<SectionContent> {
    await this.members.assertCan(projectId, actor.userId, 'project.read');
    const live = await this.db.query<unknown[]>(
      'SELECT 1 FROM sections WHERE id = $1 AND project_id = $2 AND deleted_at IS NULL',
      [sectionId, projectId],
    );
    if (live.length === 0) {
      throw new DomainError('NOT_FOUND', 'No such section');
    }
    return this.documents.content(sectionId);
  }
}
