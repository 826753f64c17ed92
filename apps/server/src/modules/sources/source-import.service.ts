import {
  DomainError,
  LIMITS,
  SOURCE_FIELDS,
  parseSources,
  type ImportedEntry,
  type SkippedSource,
  type SourceImportResponse,
  type SourceInput,
} from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/http/request-context.js';
import { announceChange } from '../../common/project-changes.js';
import { assertRoom } from '../../common/project-lists.js';
import { normaliseTextField, textFieldProblem } from '../../common/validation/text-field.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberService } from '../members/member.service.js';
import { SOURCE_RULES, toSource } from './source.dto.js';
import { SourceRepository } from './source.repository.js';

/** Two sources are one when authors, title and year are the same, case and spacing aside. */
function identity(source: SourceInput): string {
  return [source.authors, source.title, source.year].map((value) => value.toLocaleLowerCase('de')).join('\u0000');
}

/**
 * An entry's fields as they would be stored (and those left out of them), or the first field
 * that cannot be and why.
 */
function checked(entry: ImportedEntry): { source: SourceInput; leftOut: Array<'url' | 'accessed'> } | { field: string; message: string } {
  if (entry.cutOff) {
    return { field: 'text', message: 'the file ends inside this entry (its closing brace is missing): it is cut off or damaged' };
  }
  const source = { ...entry.source };
  const leftOut: Array<'url' | 'accessed'> = [];
  for (const field of SOURCE_FIELDS) {
    source[field] = normaliseTextField(source[field]) as string;
    const problem = textFieldProblem(field, source[field], SOURCE_RULES[field]);
    if (problem !== null && (field === 'url' || field === 'accessed')) {
      source[field] = '';
      leftOut.push(field);
    } else if (problem !== null) {
      return { field, message: problem };
    }
  }
  // A day looked at says nothing without the address it was looked at.
  if (source.url === '') {
    source.accessed = '';
  }
  return { source, leftOut };
}

/**
 * Adds the entries of a BibTeX or RIS file to the project's list (docs/sources.md, "Import"):
 * all in one transaction with one audit row and one announcement; entries without a title or
 * with a field over its limit are skipped and named, as are those the list already has.
 */
@Injectable()
export class SourceImportService {
  constructor(
    private readonly sources: SourceRepository,
    private readonly members: MemberService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async import(actor: Actor, projectId: string, text: string): Promise<SourceImportResponse> {
    await this.members.assertCan(projectId, actor.userId, 'sources.edit');
    const parsed = parseSources(text);
    if (parsed === null) {
      const message = 'text must be a BibTeX or RIS file';
      throw new DomainError('VALIDATION', message, [{ field: 'text', message }]);
    }
    const skipped: SkippedSource[] = [];
    // The fields a reference manager fills less carefully (url, accessed): a bad one is left
    // out rather than the entry, and said.
    const valid: Array<{ entry: ImportedEntry; source: SourceInput; leftOut: Array<'url' | 'accessed'> }> = [];
    for (const entry of parsed.entries) {
      const result = checked(entry);
      if ('source' in result) {
        valid.push({ entry, ...result });
      } else {
        skipped.push({ position: entry.position, name: entry.name, reason: 'invalid', ...result });
      }
    }
    return this.db.transaction(async (em) => {
      await this.sources.holdProject(projectId, em);
      await this.members.assertCan(projectId, actor.userId, 'sources.edit', undefined, em);
      await this.sources.lockAdditions(projectId, em);
      const existing = await this.sources.list(projectId, em);
      const known = new Set(existing.map(identity));
      const fresh = valid.filter(({ entry, source }) => {
        const seen = known.has(identity(source));
        known.add(identity(source));
        if (seen) {
          skipped.push({ position: entry.position, name: entry.name, reason: 'duplicate' });
        }
        return !seen;
      });
      // Room for the last one to add, or nothing is added.
      if (fresh.length > 0) {
        assertRoom('sources', existing.length + fresh.length - 1, LIMITS.sourcesMax);
      }
      const added = [];
      for (const { source } of fresh) {
        added.push(toSource(await this.sources.insert(projectId, source, actor.userId, em)));
      }
      if (added.length > 0) {
        await this.audit.record(
          {
            action: 'source.imported',
            actorId: actor.userId,
            projectId,
            targetType: 'project',
            targetId: projectId,
            data: { format: parsed.format, count: added.length, skipped: skipped.length },
            client: actor,
          },
          em,
        );
        await announceChange(em, { projectId, topic: 'sources' });
      }
      skipped.sort((a, b) => a.position - b.position);
      const leftOut = fresh.flatMap(({ entry, leftOut: fields }) => fields.map((field) => ({ position: entry.position, name: entry.name, field })));
      return { format: parsed.format, added, skipped, leftOut };
    });
  }
}
