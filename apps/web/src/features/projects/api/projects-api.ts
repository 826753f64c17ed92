import type {
  CreateProjectRequest,
  Language,
  Project,
  ProjectDetailResponse,
  ProjectListItem,
  ProjectResponse,
} from '@kapitel/domain';
import { api, apiPath, type RequestOptions } from '../../../lib/api';

/**
 * An outline template from GET /api/templates. Not (yet) in @kapitel/domain; move it there
 * when the server defines its response type.
 */
export interface ProjectTemplate {
  id: string;
  title: string;
  language: Language;
}

export function listProjects(options: RequestOptions = {}): Promise<ProjectListItem[]> {
  return api.get<ProjectListItem[]>('/projects', options);
}

export async function createProject(request: CreateProjectRequest): Promise<Project> {
  return (await api.post<ProjectResponse>('/projects', request)).project;
}

export function getProject(projectId: string, options: RequestOptions = {}): Promise<ProjectDetailResponse> {
  return api.get<ProjectDetailResponse>(apiPath`/projects/${projectId}`, options);
}

export function listTemplates(options: RequestOptions = {}): Promise<ProjectTemplate[]> {
  return api.get<ProjectTemplate[]>('/templates', options);
}
