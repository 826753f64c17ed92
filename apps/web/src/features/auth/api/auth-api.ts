import type { LoginRequest, RegisterRequest, User, UserResponse } from '@kapitel/domain';
import { api, type RequestOptions } from '../../../lib/api';

export async function login(request: LoginRequest): Promise<User> {
  return (await api.post<UserResponse>('/auth/login', request)).user;
}

export async function register(request: RegisterRequest): Promise<User> {
  return (await api.post<UserResponse>('/auth/register', request)).user;
}

export async function logout(): Promise<void> {
  await api.post<unknown>('/auth/logout');
}

export async function fetchCurrentUser(options: RequestOptions = {}): Promise<User> {
  return (await api.get<UserResponse>('/me', options)).user;
}

/**
 * Asks the server whether this tab's session still holds. When it does not, the answer
 * (401) reaches the app's unauthenticated listeners, which take the user to the sign-in
 * page; any other failure (no network) says nothing.
 */
export async function checkSession(): Promise<void> {
  await fetchCurrentUser().catch(() => undefined);
}
