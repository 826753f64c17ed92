import type {
  AccountDeletionPreview,
  ChangeEmailRequest,
  ChangeEmailResponse,
  ChangePasswordRequest,
  DeleteAccountRequest,
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

export function changeEmail(request: ChangeEmailRequest): Promise<ChangeEmailResponse> {
  return api.post<ChangeEmailResponse>('/me/email', request);
}

export function accountDeletionPreview(options: RequestOptions = {}): Promise<AccountDeletionPreview> {
  return api.get<AccountDeletionPreview>('/me/deletion', options);
}

export async function deleteAccount(request: DeleteAccountRequest): Promise<void> {
  await api.post<unknown>('/me/deletion', request);
}
