/** Someone who has the section open, as the server stamped them into presence. */
export interface Peer {
  id: string;
  name: string;
  color: string;
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

function stampedUser(state: unknown): Peer | null {
  if (typeof state !== 'object' || state === null || !('user' in state)) {
    return null;
  }
  const user: unknown = state.user;
  if (typeof user !== 'object' || user === null) {
    return null;
  }
  const { id, name, color } = user as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof color !== 'string') {
    return null;
  }
  return { id, name, color: HEX_COLOUR.test(color) ? color : '#4a5360' };
}

/**
 * Everybody else in the presence table, once per user (one person may have two tabs open),
 * sorted by name. Only states the server stamped (with an id) count: our own local state
 * never carries one, and a state without it has not passed the server.
 */
export function peersOf(states: ReadonlyMap<number, unknown>, ownClientId: number): Peer[] {
  const byId = new Map<string, Peer>();
  states.forEach((state, clientId) => {
    const user = clientId === ownClientId ? null : stampedUser(state);
    if (user !== null && !byId.has(user.id)) {
      byId.set(user.id, user);
    }
  });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

// The avatar's letters, by the rules of ui/initials.ts ("Aylin Demir-Schulz" is "AD").
export { initialsOf } from '../../../ui/initials';
