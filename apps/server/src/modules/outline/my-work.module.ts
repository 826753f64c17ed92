import { Module } from '@nestjs/common';
import { MyWorkController } from './my-work.controller.js';
import { MyWorkRepository } from './my-work.repository.js';
import { MyWorkService } from './my-work.service.js';

/**
 * `GET /api/me/work`, a module of its own beside OutlineModule: it reads across projects
 * with one query of its own and needs none of the outline's services.
 */
@Module({
  controllers: [MyWorkController],
  providers: [MyWorkService, MyWorkRepository],
})
export class MyWorkModule {}
