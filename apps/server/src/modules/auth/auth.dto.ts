import { LIMITS, type LoginRequest, type RegisterRequest, type User } from '@kapitel/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { UserEntity } from './user.entity.js';
import { OneLine } from '../../common/validation/one-line.js';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto implements RegisterRequest {
  @ApiProperty({ example: 'anna.schmidt@musterstadt.de' })
  @Transform(trim)
  @MaxLength(LIMITS.emailMaxLength)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email!: string;

  @ApiProperty({ minLength: LIMITS.passwordMinLength })
  @MaxLength(LIMITS.passwordMaxLength)
  @MinLength(LIMITS.passwordMinLength, {
    message: `password must be at least ${LIMITS.passwordMinLength} characters long`,
  })
  @IsString()
  password!: string;

  @ApiProperty({ example: 'Anna Schmidt' })
  @Transform(trim)
  @OneLine('name')
  @MaxLength(LIMITS.nameMaxLength)
  @IsNotEmpty({ message: 'name must not be empty' })
  @IsString()
  name!: string;

  @ApiPropertyOptional({ example: 'Stadt Musterstadt' })
  @Transform(trim)
  @IsOptional()
  @OneLine('organisation')
  @MaxLength(LIMITS.organisationMaxLength)
  @IsString()
  organisation?: string;
}

export class LoginDto implements LoginRequest {
  @ApiProperty()
  @MaxLength(LIMITS.emailMaxLength)
  @IsNotEmpty({ message: 'email must not be empty' })
  @IsString()
  email!: string;

  @ApiProperty()
  @MaxLength(LIMITS.passwordMaxLength)
  @IsNotEmpty({ message: 'password must not be empty' })
  @IsString()
  password!: string;
}

export function toUser(entity: UserEntity): User {
  return {
    id: entity.id,
    email: entity.email,
    name: entity.name,
    organisation: entity.organisation,
    createdAt: entity.createdAt.toISOString(),
  };
}
