import { childrenByParent, DomainError, imageSrc, numberOutline, type ExportMode, type Language, type ReviewState } from '@kapitel/domain';
import {
  extensionOf,
  forEachNode,
  reportSources,
  type EmbeddedImage,
  type HeldImages,
  type ProseMirrorJson,
  type ReportModel,
  type ReportSection,
} from '@kapitel/export';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AbbreviationService } from '../abbreviations/abbreviation.service.js';
import { DocumentRepository } from '../documents/document.repository.js';
import { ImageService } from '../images/image.service.js';
import { SourceService } from '../sources/source.service.js';

interface SourceSection {
  id: string;
  parentId: string | null;
  position: number;
  title: string;
  numbered: boolean;
  state: ReviewState;
}

/**
 * The most image bytes one report embeds: every image is held in this process and sent to
 * the renderer, so a report of hundreds of photos must not take the server's memory with
 * it. Images beyond it (in reading order) get the "not embedded" note.
 */
export const MAX_REPORT_IMAGE_BYTES = 200 * 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The ids of the project's uploaded images that the sections show, in reading order, each
 * once: image nodes whose `src` is exactly this project's image path. Any other src (an
 * outside URL, another project's image) is no id here and so is never loaded.
 */
export function imageIdsIn(projectId: string, sections: readonly ReportSection[]): string[] {
  const prefix = imageSrc(projectId, '');
  const ids = new Set<string>();
  forEachNode(
    sections.map((section) => section.content),
    (node) => {
      const src = node.type === 'image' && typeof node.attrs === 'object' && node.attrs !== null ? (node.attrs as { src?: unknown }).src : null;
      if (typeof src === 'string' && src.startsWith(prefix) && UUID.test(src.slice(prefix.length))) {
        ids.add(src.slice(prefix.length));
      }
    },
  );
  return [...ids];
}

/** Roles named on the cover: everyone who wrote, led or reviewed (readers only read). */
const CONTRIBUTOR_ROLES = ['lead', 'author', 'reviewer'];
/** Roles named as the PDF's authors (its metadata): those who wrote it; a reviewer did not. */
const WRITING_ROLES = ['lead', 'author'];

/** The calendar day a report carries: the day the export was asked for, in German time. */
export function reportDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * Reads what a report consists of (project, contributors, outline, text per section, lists of
 * abbreviations and of the sources cited) and puts it into the export library's report model. A draft takes every
 * section's current text; a final export the latest approval version of each, and only while
 * every section is approved.
 */
@Injectable()
export class ReportSource {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentRepository,
    private readonly images: ImageService,
    private readonly abbreviations: AbbreviationService,
    private readonly sources: SourceService,
  ) {}

  /**
   * The final-export check when a final PDF or ODT is asked for (`build` checks again against
   * the texts it reads): 409 `NOT_ALL_APPROVED` naming how many live sections are not approved.
   */
  async assertAllApproved(projectId: string): Promise<void> {
    const rows = await this.db.query<Array<{ state: ReviewState }>>(
      'SELECT state FROM sections WHERE project_id = $1 AND deleted_at IS NULL',
      [projectId],
    );
    const open = rows.filter((row) => row.state !== 'approved').length;
    if (open > 0) {
      throw new DomainError('NOT_ALL_APPROVED', `${open} of ${rows.length} sections are not approved yet`);
    }
  }

  async build(projectId: string, mode: ExportMode, at: Date, onProgress: (share: number) => void): Promise<ReportModel> {
    const projects = await this.db.query<Array<{ title: string; subtitle: string | null; publisher: string | null; language: Language }>>(
      'SELECT title, subtitle, publisher, language FROM projects WHERE id = $1',
      [projectId],
    );
    const project = projects[0];
    if (!project) {
      throw new DomainError('NOT_FOUND', 'The project no longer exists.');
    }
    const sections = await this.db.query<SourceSection[]>(
      `SELECT id, parent_id AS "parentId", position, title, numbered, state
         FROM sections WHERE project_id = $1 AND deleted_at IS NULL`,
      [projectId],
    );
    if (mode === 'final' && sections.some((section) => section.state !== 'approved')) {
      throw new DomainError('NOT_ALL_APPROVED', 'Not every section is approved any more; the final export was not made.');
    }
    const contents = mode === 'final' ? await this.approvedTexts(sections) : await this.currentTexts(sections, onProgress);
    const contributors = await this.db.query<Array<{ name: string; organisation: string | null; wrote: boolean }>>(
      `SELECT u.name, u.organisation, m.role = ANY($3) AS wrote FROM project_members m JOIN users u ON u.id = m.user_id
        WHERE m.project_id = $1 AND m.role = ANY($2) ORDER BY u.name, u.id`,
      [projectId, CONTRIBUTOR_ROLES, WRITING_ROLES],
    );
    const ordered = this.inReadingOrder(sections, contents);
    return {
      mode,
      language: project.language,
      title: project.title,
      subtitle: project.subtitle,
      publisher: project.publisher,
      date: reportDate(at),
      contributors,
      sections: ordered,
      // The list as it is now, for a final export too: it is no section's text, so no approval holds a version of it.
      abbreviations: await this.abbreviations.forReport(projectId),
      // The list as it is now, like the abbreviations; labelled over all of it (so that "KGSt 2023b"
      // reads as in the editor), then only the sources the printed texts cite.
      sources: reportSources(await this.sources.forReport(projectId), ordered, project.language),
      images: await this.heldImages(projectId, ordered),
    };
  }

  /** The project's uploaded images the sections show, by their src, within MAX_REPORT_IMAGE_BYTES. */
  private async heldImages(projectId: string, sections: ReportSection[]): Promise<HeldImages> {
    const files = await this.images.filesOf(projectId, imageIdsIn(projectId, sections), MAX_REPORT_IMAGE_BYTES);
    return new Map(
      files.map((file): [string, EmbeddedImage] => [
        imageSrc(projectId, file.id),
        { extension: extensionOf(file.contentType), bytes: file.data },
      ]),
    );
  }

  private inReadingOrder(sections: SourceSection[], contents: Map<string, ProseMirrorJson>): ReportSection[] {
    const numbers = numberOutline(sections);
    const children = childrenByParent(sections);
    const ordered: ReportSection[] = [];
    const visit = (parentId: string | null, depth: number): void => {
      for (const section of children.get(parentId) ?? []) {
        ordered.push({
          id: section.id,
          number: numbers.get(section.id) ?? null,
          title: section.title,
          depth,
          state: section.state,
          content: contents.get(section.id) ?? { type: 'doc', content: [] },
        });
        visit(section.id, depth + 1);
      }
    };
    visit(null, 1);
    return ordered;
  }

  private currentTexts(sections: SourceSection[], onProgress: (share: number) => void): Promise<Map<string, ProseMirrorJson>> {
    return this.documents.currentJson(
      sections.map((section) => section.id),
      (done) => onProgress(done / sections.length),
    );
  }

  /** The latest approval version of every section; a section without one cannot be final. */
  private async approvedTexts(sections: SourceSection[]): Promise<Map<string, ProseMirrorJson>> {
    const approved = await this.documents.approvedJson(sections.map((section) => section.id));
    const contents = new Map([...approved].map(([sectionId, version]) => [sectionId, version.json as ProseMirrorJson]));
    const missing = sections.find((section) => !contents.has(section.id));
    if (missing) {
      throw new DomainError('NOT_ALL_APPROVED', `The section "${missing.title}" has no approved version; the final export was not made.`);
    }
    return contents;
  }
}
