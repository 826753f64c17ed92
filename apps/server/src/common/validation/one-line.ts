import { lineTextProblem } from '@kapitel/domain';
import { registerDecorator, type ValidationArguments } from 'class-validator';

/**
 * A name or title of a request body: one line a person reads (`lineTextProblem`): no control
 * characters, no direction controls, not only invisible characters. Other types, the length
 * and '' are left to the field's other validators, which name those problems themselves.
 */
export function OneLine(field: string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isOneLine',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args: ValidationArguments) =>
          (typeof args.value === 'string' ? lineTextProblem(field, args.value) : null) ?? `${field} is invalid`,
      },
      validator: {
        validate: (value: unknown): boolean => typeof value !== 'string' || lineTextProblem(field, value) === null,
      },
    });
  };
}
