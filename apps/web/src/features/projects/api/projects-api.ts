import type {
  CreateProjectRequest,
  Project,
  ProjectDetailResponse,
  ProjectListItem,
  ProjectResponse,
  Template,
} from '@kapitel/domain';
import { api, apiPath, type RequestOptions } from '../../../lib/api';

export function listProjects(options: RequestOptions = {}): Promise<ProjectListItem[]> {
  return api.get<ProjectListItem[]>('/projects', options);
}

export async function createProject(request: CreateProjectRequest): Promise<Project> {
  return (await api.post<ProjectResponse>('/projects', request)).project;
}

export function getProject(projectId: string, options: RequestOptions = {}): Promise<ProjectDetailResponse> {
  return api.get<ProjectDetailResponse>(apiPath`/projects/${projectId}`, options);
}

export function listTemplates(options: RequestOptions = {}): Promise<Template[]> {
  return api.get<Template[]>('/templates', options);
}
