import type { User } from '@kapitel/domain';
import { createContext } from 'react';

export type SessionStatus = 'loading' | 'ready' | 'error';

export interface Session {
  status: SessionStatus;
  /** The signed-in user; null when signed out (or not known yet while loading). */
  user: User | null;
  /** The user signed out in this tab (as opposed to a session that expired). */
  signedOutByUser: boolean;
  /** A signed-in user's session ended elsewhere (expired, or a logout in another tab). */
  sessionEnded: boolean;
  /**
   * The session ended while this tab held unsaved work (an editor's unsent edits): `user`
   * is kept and the page stays, so that signing in again in place (signedIn) saves the
   * work; `discardWork` gives it up for the sign-in page.
   */
  resumable: boolean;
  /** The failure of loading the session, when status is 'error'. */
  error: unknown;
  /** Call after a successful login or registration. */
  signedIn: (user: User) => void;
  /** The signed-in user's own account changed (name, organisation): what the app shows of them follows. */
  userChanged: (user: User) => void;
  /** Gives up the work kept after the end of the session: the user is forgotten (the sign-in page). */
  discardWork: () => void;
  /** Ends the session on the server, then forgets the user. Rejects when the server refused. */
  signOut: () => Promise<void>;
  retry: () => void;
}

export const SessionContext = createContext<Session | null>(null);
