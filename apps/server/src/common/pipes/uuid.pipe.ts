import { DomainError } from '@kapitel/domain';
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route ids must be UUIDs; anything else is a 400 naming the parameter. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!UUID.test(value)) {
      const field = metadata.data ?? 'id';
      throw new DomainError('VALIDATION', `${field} must be a UUID`, [{ field, message: `${field} must be a UUID` }]);
    }
    return value.toLowerCase();
  }
}
