import { api, apiPath } from '../../../lib/api';

/** Deletes the project and everything in it (lead only). */
export async function deleteProject(projectId: string): Promise<void> {
  await api.delete(apiPath`/projects/${projectId}`);
}

/** The navigation state that tells the project list which project was just deleted. */
export function deletedProjectState(title: string): { deletedProject: string } {
  return { deletedProject: title };
}

/** The title in such a state; null for any other state. */
export function deletedProjectOf(state: unknown): string | null {
  if (typeof state === 'object' && state !== null && 'deletedProject' in state) {
    const title = state.deletedProject;
    return typeof title === 'string' ? title : null;
  }
  return null;
}
