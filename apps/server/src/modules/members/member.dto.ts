import { LIMITS, ROLES, type CreateInvitationRequest, type Role, type UpdateMemberRequest } from '@kapitel/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, MaxLength } from 'class-validator';

const roleMessage = `role must be one of ${ROLES.join(', ')}`;

export class UpdateMemberDto implements UpdateMemberRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: roleMessage })
  role!: Role;
}

export class CreateInvitationDto implements CreateInvitationRequest {
  @ApiProperty({ example: 'jonas.weber@beispielkreis.de' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @MaxLength(LIMITS.emailMaxLength)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: roleMessage })
  role!: Role;
}
