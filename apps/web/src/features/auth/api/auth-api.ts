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
