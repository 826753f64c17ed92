import { LIMITS, versionLabelProblem, type CreateVersionRequest, type SectionVersion } from '@kapitel/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationArguments } from 'class-validator';
import type { VersionRow } from '../documents/document.repository.js';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** A version's label (already trimmed): see `versionLabelProblem()`. */
function IsVersionLabel(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isVersionLabel',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args: ValidationArguments) =>
          typeof args.value === 'string' ? (versionLabelProblem(args.value) ?? 'label is invalid') : 'label must be text',
      },
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && versionLabelProblem(value) === null,
      },
    });
  };
}

export class CreateVersionDto implements CreateVersionRequest {
  @ApiProperty({
    description: `trimmed, 1 to ${LIMITS.versionLabelMaxLength} characters, one line without control characters`,
    example: 'Stand vor der Ratssitzung',
  })
  @Transform(trim)
  @IsVersionLabel()
  label!: string;
}

/** The list item of a version, the one shape every version route answers with. */
export function toSectionVersion(row: VersionRow): SectionVersion {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    createdByName: row.createdByName,
    restoredFrom: row.restoredFrom && { ...row.restoredFrom, createdAt: row.restoredFrom.createdAt.toISOString() },
  };
}
