import type { Template } from '@kapitel/domain';
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TEMPLATES } from './templates.js';

@ApiTags('outline')
@Controller('templates')
export class TemplateController {
  /** Outline templates for new projects; for any logged-in user. */
  @Get()
  list(): Template[] {
    return TEMPLATES.map(({ id, title, language }) => ({ id, title, language }));
  }
}
