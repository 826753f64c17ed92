import { DataSource, type DataSourceOptions } from 'typeorm';
import { AbbreviationEntity } from '../modules/abbreviations/abbreviation.entity.js';
import { AuditEventEntity } from '../modules/audit/audit-event.entity.js';
import { CommentEntity } from '../modules/comments/comment.entity.js';
import { NotificationEntity } from '../modules/notifications/notification.entity.js';
import { PasswordResetEntity } from '../modules/auth/password-reset.entity.js';
import { SessionEntity } from '../modules/auth/session.entity.js';
import { UserEntity } from '../modules/auth/user.entity.js';
import { SectionDocumentEntity, SectionUpdateEntity, SectionVersionEntity } from '../modules/documents/document.entity.js';
import { ExportEntity } from '../modules/exports/export.entity.js';
import { ImageEntity } from '../modules/images/image.entity.js';
import { InvitationEntity } from '../modules/members/invitation.entity.js';
import { MemberEntity } from '../modules/members/member.entity.js';
import { SectionAssigneeEntity, SectionEntity, SectionTransitionEntity } from '../modules/outline/section.entity.js';
import { ProjectEntity } from '../modules/projects/project.entity.js';
import { SourceEntity } from '../modules/sources/source.entity.js';
import { CreateAccountsAndProjects1764400000000 } from './migrations/1764400000000-create-accounts-and-projects.js';
import { CreateOutlineAndReview1764500000000 } from './migrations/1764500000000-create-outline-and-review.js';
import { CreateSectionDocuments1764600000000 } from './migrations/1764600000000-create-section-documents.js';
import { CreateCommentsAndNotifications1764700000000 } from './migrations/1764700000000-create-comments-and-notifications.js';
import { CreateExports1764800000000 } from './migrations/1764800000000-create-exports.js';
import { AddExportErrorCode1764910000000 } from './migrations/1764910000000-add-export-error-code.js';
import { BackfillExportErrorCodes1764910000001 } from './migrations/1764910000001-backfill-export-error-codes.js';
import { AddVersionRestoredFrom1764920000000 } from './migrations/1764920000000-add-version-restored-from.js';
import { CreateImages1764930000000 } from './migrations/1764930000000-create-images.js';
import { AddExportStandard1764940000000 } from './migrations/1764940000000-add-export-standard.js';
import { CreatePasswordResets1764970000000 } from './migrations/1764970000000-create-password-resets.js';
import { AddInvitationEmailStatus1764990000000 } from './migrations/1764990000000-add-invitation-email-status.js';
import { AddReviewVerdicts1765010000000 } from './migrations/1765010000000-add-review-verdicts.js';
import { AddProjectPublisher1765040000000 } from './migrations/1765040000000-add-project-publisher.js';
import { KeepWorkOfDeletedAccounts1765071000000 } from './migrations/1765071000000-keep-work-of-deleted-accounts.js';
import { AddReviewWithdrawal1765100000000 } from './migrations/1765100000000-add-review-withdrawal.js';
import { CreateProjectAbbreviations1765110000000 } from './migrations/1765110000000-create-project-abbreviations.js';
import { AddExportMissingReferences1765120000000 } from './migrations/1765120000000-add-export-missing-references.js';
import { CreateProjectSources1765130000000 } from './migrations/1765130000000-create-project-sources.js';
import { AddCommentSuggestions1765140000000 } from './migrations/1765140000000-add-comment-suggestions.js';
import { AddSectionTargetWords1765150000000 } from './migrations/1765150000000-add-section-target-words.js';
import { AddCommentNotifications1765160000000 } from './migrations/1765160000000-add-comment-notifications.js';

export const ENTITIES = [
  UserEntity,
  SessionEntity,
  ProjectEntity,
  MemberEntity,
  InvitationEntity,
  AuditEventEntity,
  SectionEntity,
  SectionAssigneeEntity,
  SectionTransitionEntity,
  SectionDocumentEntity,
  SectionUpdateEntity,
  SectionVersionEntity,
  CommentEntity,
  NotificationEntity,
  ExportEntity,
  ImageEntity,
  PasswordResetEntity,
  AbbreviationEntity,
  SourceEntity,
];

/** Listed by hand, in order: migrations are code we review, never discovered by glob. */
export const MIGRATIONS = [
  CreateAccountsAndProjects1764400000000,
  CreateOutlineAndReview1764500000000,
  CreateSectionDocuments1764600000000,
  CreateCommentsAndNotifications1764700000000,
  CreateExports1764800000000,
  AddExportErrorCode1764910000000,
  BackfillExportErrorCodes1764910000001,
  AddVersionRestoredFrom1764920000000,
  CreateImages1764930000000,
  AddExportStandard1764940000000,
  CreatePasswordResets1764970000000,
  AddInvitationEmailStatus1764990000000,
  AddReviewVerdicts1765010000000,
  AddProjectPublisher1765040000000,
  KeepWorkOfDeletedAccounts1765071000000,
  AddReviewWithdrawal1765100000000,
  CreateProjectAbbreviations1765110000000,
  AddExportMissingReferences1765120000000,
  CreateProjectSources1765130000000,
  AddCommentSuggestions1765140000000,
  AddSectionTargetWords1765150000000,
  AddCommentNotifications1765160000000,
];

/** Options shared by the app, the tests and the TypeORM CLI. Never `synchronize`. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'all',
    extra: { max: 10, application_name: 'kapitel' },
  };
}

// Any constant shared by all Kapitel processes; it only has to differ from other apps' locks.
const MIGRATION_LOCK = 52_617_001;

/**
 * Applies every pending migration; safe to call on an up-to-date database, and from
 * several processes at once (replicas starting together): an advisory lock serialises them.
 */
export async function runMigrations(url: string): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations();
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}
