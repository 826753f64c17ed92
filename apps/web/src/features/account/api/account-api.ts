import type {
  ChangePasswordRequest,
  EndedSessionsResponse,
  PasswordResetConfirmRequest,
  PasswordResetInfo,
  PasswordResetRequest,
  UpdateMeRequest,
  User,
  UserResponse,
} from '@kapitel/domain';
import { api, type RequestOptions } from '../../../lib/api';

export async function updateMe(request: UpdateMeRequest): Promise<User> {
  return (await api.patch<UserResponse>('/me', request)).user;
}

export function changePassword(request: ChangePasswordRequest): Promise<EndedSessionsResponse> {
  return api.post<EndedSessionsResponse>('/me/password', request);
}

export function endOtherSessions(): Promise<EndedSessionsResponse> {
  return api.post<EndedSessionsResponse>('/me/sessions/end-others');
}

export function passwordResetInfo(options: RequestOptions = {}): Promise<PasswordResetInfo> {
  return api.get<PasswordResetInfo>('/auth/password-reset', options);
}

export function requestPasswordReset(request: PasswordResetRequest): Promise<PasswordResetInfo> {
  return api.post<PasswordResetInfo>('/auth/password-reset', request);
}

export async function confirmPasswordReset(request: PasswordResetConfirmRequest): Promise<void> {
  await api.post<unknown>('/auth/password-reset/confirm', request);
}
