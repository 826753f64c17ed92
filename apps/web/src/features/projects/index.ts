export { getProject, listProjects } from './api/projects-api';
export { CreateProjectForm } from './components/create-project-form';
export { ProjectList } from './components/project-list';
export { DeleteProjectCard } from './components/delete-project-card';
export { DeletedProjectNotice } from './components/deleted-project-notice';
