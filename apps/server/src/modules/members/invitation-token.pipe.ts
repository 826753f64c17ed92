import { randomBytes } from 'node:crypto';
import { DomainError } from '@kapitel/domain';
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

const TOKEN_BYTES = 32;
// base64url without padding: 4 characters per 3 bytes, rounded up (43 for 32 bytes).
const TOKEN = new RegExp(`^[A-Za-z0-9_-]{${String(Math.ceil((TOKEN_BYTES * 4) / 3))}}$`);

/** A new invitation token: 256 random bits, so that guessing one is hopeless. */
export function newInvitationToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** A token route parameter must look like one `newInvitationToken()` makes; else a 400 naming it. */
@Injectable()
export class InvitationTokenPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!TOKEN.test(value)) {
      const field = metadata.data ?? 'token';
      const message = `${field} must be an invitation token (the last part of the invitation link)`;
      throw new DomainError('VALIDATION', message, [{ field, message }]);
    }
    return value;
  }
}
