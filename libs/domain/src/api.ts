/**
 * Request and response shapes of the HTTP API (../shared/API.md). The server's DTO classes
 * implement the request types and the web app imports the same types: one contract.
 */
import type { Language } from './limits.js';
import type { ProjectAbilities } from './permissions.js';
import type { Role } from './roles.js';

export interface User {
  id: string;
  email: string;
  name: string;
  organisation: string | null;
  createdAt: string;
}

export interface RegisterRequest {
  email: string;
  password: string;
  name: string;
  organisation?: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface UserResponse {
  user: User;
}

export interface Project {
  id: string;
  title: string;
  subtitle: string | null;
  description: string | null;
  /** Who publishes the report, printed on the PDF's cover; null when not set. */
  publisher: string | null;
  language: Language;
  createdAt: string;
  updatedAt: string;
}

export interface CreateProjectRequest {
  title: string;
  subtitle?: string;
  description?: string;
  language?: Language;
  template?: string;
}

export interface UpdateProjectRequest {
  title?: string;
  subtitle?: string | null;
  description?: string | null;
  /** Trimmed; at most LIMITS.projectPublisherMaxLength characters; null or "" clears it. */
  publisher?: string | null;
  language?: Language;
}

export interface ProjectResponse {
  project: Project;
}

/** A project as listed for the caller, with the caller's role in it. */
export interface ProjectListItem extends Project {
  role: Role;
}

export interface ProjectDetailResponse {
  project: Project;
  role: Role;
  abilities: ProjectAbilities;
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  organisation: string | null;
  role: Role;
}

export interface UpdateMemberRequest {
  role: Role;
}

export interface CreateInvitationRequest {
  email: string;
  role: Role;
}

/**
 * Whether an invitation's link went out by e-mail: `sent` (the mail server took the mail),
 * `failed` (it did not; the lead passes the link on), `off` (this server sends no invitation
 * e-mails: no SMTP_URL, or no PUBLIC_ORIGIN to build a link from safely).
 */
export const INVITATION_EMAIL_STATUSES = ['sent', 'failed', 'off'] as const;
export type InvitationEmailStatus = (typeof INVITATION_EMAIL_STATUSES)[number];

/**
 * The answer of creating an invitation and of renewing one (a new link for it): the link,
 * shown this once (only its hash is stored), and whether it was e-mailed.
 */
export interface CreatedInvitation {
  id: string;
  token: string;
  url: string;
  expiresAt: string;
  emailStatus: InvitationEmailStatus;
}

/** An invitation as a lead sees it in the list of open invitations (no token). */
export interface Invitation {
  id: string;
  email: string;
  role: Role;
  /** Null when the inviter's account was deleted (their open invitations are revoked then). */
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  /**
   * The link has expired and was never used. Such invitations stay in the list for
   * `LIMITS.invitationExpiredListedDays`, so that the lead sees who never joined and can send a new link.
   */
  expired: boolean;
  /** Whether the current link was e-mailed to `email`. */
  emailStatus: InvitationEmailStatus;
}

export interface AcceptInvitationResponse {
  projectId: string;
  role: Role;
}

/**
 * How the caller of an invitation preview stands to the invitation: `anonymous` (not signed
 * in), `invited_account` (signed in with the invited address: may accept), `other_account`
 * (signed in with another address: accepting would fail), `member` (already in the project).
 */
export const INVITATION_VIEWERS = ['anonymous', 'invited_account', 'other_account', 'member'] as const;
export type InvitationViewer = (typeof INVITATION_VIEWERS)[number];

/**
 * `GET /api/invitations/:token`: what an open invitation link offers, shown before accepting.
 * The token is the capability to see it; an unknown token is 404, and a used, revoked or
 * expired one the same 409 as accepting it would be, with none of these fields.
 */
export interface InvitationPreview {
  projectTitle: string;
  /** The project's language, so that the title can be marked up with it. */
  projectLanguage: Language;
  role: Role;
  inviterName: string;
  /** The address the link is bound to: only the account with it may accept. */
  email: string;
  expiresAt: string;
  viewer: InvitationViewer;
}

export interface HealthResponse {
  status: 'ok' | 'degraded';
  db: 'up' | 'down';
}

/** What a project's event stream (`GET /api/projects/:projectId/events`) reports. */
export const CHANGE_TOPICS = ['project', 'members', 'outline', 'section', 'text', 'comments', 'exports', 'abbreviations', 'sources'] as const;
export type ChangeTopic = (typeof CHANGE_TOPICS)[number];

/**
 * Something in a project changed; clients reload what the topic names. `sectionId` names
 * the section for `section` (state, assignees) and `comments`; `userId` the member for
 * `members`. `abbreviations`: the project's list of abbreviations changed (docs/abbreviations.md).
 * `sources`: the project's list of sources changed (docs/sources.md).
 * `text`: the text of the section `sectionId` changed (typed, restored): at once for the first
 * edit, then at most once in a few seconds per section (`TEXT_CHANGE_MS`), after the edits it
 * covers are stored; `at` says when the last of them was.
 */
export interface ProjectChange {
  projectId: string;
  topic: ChangeTopic;
  sectionId?: string;
  userId?: string;
  /** The export job of an `exports` change: queued, running, done or failed (not each progress step). */
  exportId?: string;
  /** A `text` change: when the last edit it tells of was stored (server time, ISO 8601). */
  at?: string;
  /**
   * Set on the `text` change that a restore of a version announces at once (besides the usual
   * ones): `userId` names who restored it, so that open editors can say why the text changed.
   */
  restored?: true;
  /**
   * Set on the `project` change that announces the project's deletion: its event streams end
   * with `event: revoked` (data `{"reason":"project-deleted"}`) and its live connections close.
   */
  deleted?: true;
}

/** The data of an event stream's `revoked`: why the access ended, when the server knows more than "no longer a member". */
export interface RevokedEventData {
  reason?: 'project-deleted';
}
