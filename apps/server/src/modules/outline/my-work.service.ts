import type { MyWorkResponse } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/http/request-context.js';
import { myWork } from './my-work.js';
import { MyWorkRepository } from './my-work.repository.js';

/** The caller's own sections across all their projects, and where each project stands. */
@Injectable()
export class MyWorkService {
  constructor(private readonly rows: MyWorkRepository) {}

  // No permission check beyond the membership the query joins on: every member may read
  // the outline of their projects (`project.read`), and this shows nothing more of it.
  async work(actor: Actor): Promise<MyWorkResponse> {
    const today = new Date().toISOString().slice(0, 10);
    return myWork(await this.rows.listForMember(actor.userId), actor.userId, today);
  }
}
