/** The navigation state that makes the project list say which project was just left. */
export function leftProjectState(title: string): { leftProject: string } {
  return { leftProject: title };
}

/** The title of the project named by such a state, or null for any other state (history entries hold anything). */
export function leftProjectOf(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('leftProject' in state)) {
    return null;
  }
  return typeof state.leftProject === 'string' ? state.leftProject : null;
}
