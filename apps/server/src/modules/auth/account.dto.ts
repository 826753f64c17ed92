import {
  LANGUAGES,
  LIMITS,
  type ChangeEmailRequest,
  type ChangePasswordRequest,
  type DeleteAccountRequest,
  type Language,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
  type UpdateMeRequest,
} from '@kapitel/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { OneLine } from '../../common/validation/one-line.js';

// The same rules as RegisterDto (auth.dto.ts): names and passwords are checked alike everywhere.
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const newPasswordTooShort = `newPassword must be at least ${LIMITS.passwordMinLength} characters long`;

export class UpdateMeDto implements UpdateMeRequest {
  @ApiPropertyOptional({ example: 'Anna Schmidt' })
  @Transform(trim)
  // Left out means "keep"; null or "" would leave the account without a name.
  @ValidateIf((_dto, value) => value !== undefined)
  @OneLine('name')
  @MaxLength(LIMITS.nameMaxLength)
  @IsNotEmpty({ message: 'name must not be empty' })
  @IsString({ message: 'name must be a string' })
  name?: string;

  @ApiPropertyOptional({ example: 'Stadt Musterstadt', nullable: true, description: 'null or "" removes it' })
  @Transform(trim)
  @IsOptional()
  @OneLine('organisation')
  @MaxLength(LIMITS.organisationMaxLength)
  @IsString()
  organisation?: string | null;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @MaxLength(LIMITS.passwordMaxLength)
  @IsNotEmpty({ message: 'currentPassword must not be empty' })
  @IsString()
  currentPassword!: string;

  @ApiProperty({ minLength: LIMITS.passwordMinLength })
  @MaxLength(LIMITS.passwordMaxLength)
  @MinLength(LIMITS.passwordMinLength, { message: newPasswordTooShort })
  @IsString()
  newPassword!: string;
}

export class PasswordResetDto implements PasswordResetRequest {
  @ApiProperty({ example: 'anna.schmidt@musterstadt.de' })
  @Transform(trim)
  @MaxLength(LIMITS.emailMaxLength)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email!: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'language of the e-mail; German by default' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language?: Language;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @ApiProperty({ description: 'the token of the reset link' })
  // A real token has 43 characters; anything much longer is not one.
  @MaxLength(100)
  @IsNotEmpty({ message: 'token must not be empty' })
  @IsString()
  token!: string;

  @ApiProperty({ minLength: LIMITS.passwordMinLength })
  @MaxLength(LIMITS.passwordMaxLength)
  @MinLength(LIMITS.passwordMinLength, { message: newPasswordTooShort })
  @IsString()
  newPassword!: string;
}

export class ChangeEmailDto implements ChangeEmailRequest {
  @ApiProperty({ example: 'anna.schmidt@musterstadt.de', description: 'normalised like at registration' })
  @Transform(trim)
  @MaxLength(LIMITS.emailMaxLength)
  @IsEmail({}, { message: 'newEmail must be a valid email address' })
  newEmail!: string;

  @ApiProperty()
  @MaxLength(LIMITS.passwordMaxLength)
  @IsNotEmpty({ message: 'currentPassword must not be empty' })
  @IsString()
  currentPassword!: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'language of the notice to the old address; German by default' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language?: Language;
}

export class DeleteAccountDto implements DeleteAccountRequest {
  @ApiProperty()
  @MaxLength(LIMITS.passwordMaxLength)
  @IsNotEmpty({ message: 'currentPassword must not be empty' })
  @IsString()
  currentPassword!: string;
}
