import { LIMITS, type LoginRequest, type RegisterRequest, type User } from '@kapitel/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { UserEntity } from './user.entity.js';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto implements RegisterRequest {
  @ApiProperty({ example: 'anna.schmidt@musterstadt.de' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(LIMITS.emailMaxLength)
  email!: string;

  @ApiProperty({ minLength: LIMITS.passwordMinLength })
  @IsString()
  @MinLength(LIMITS.passwordMinLength, {
    message: `password must be at least ${LIMITS.passwordMinLength} characters long`,
  })
  @MaxLength(LIMITS.passwordMaxLength)
  password!: string;

  @ApiProperty({ example: 'Anna Schmidt' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(LIMITS.nameMaxLength)
  name!: string;

  @ApiPropertyOptional({ example: 'Stadt Musterstadt' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.organisationMaxLength)
  organisation?: string;
}

export class LoginDto implements LoginRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'email must not be empty' })
  @MaxLength(LIMITS.emailMaxLength)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'password must not be empty' })
  @MaxLength(LIMITS.passwordMaxLength)
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
