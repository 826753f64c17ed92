export { getProject, listProjects } from './api/projects-api';
export { CreateProjectForm } from './components/create-project-form';
export { ProjectList } from './components/project-list';
