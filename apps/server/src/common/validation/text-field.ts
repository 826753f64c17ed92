import { Transform } from 'class-transformer';
import { lineTextProblem } from '@kapitel/domain';
import { registerDecorator, ValidateIf, type ValidationArguments } from 'class-validator';

/**
 * One-line text fields of the project's lists (abbreviations, sources): how they are stored
 * and compared, and what they may contain (docs/abbreviations.md, docs/sources.md).
 */

/**
 * The stored form: Unicode NFC (so that an "Ä" typed as A + combining diaeresis is the same
 * text as a precomposed one), every run of white space (tabs, line breaks, no-break spaces)
 * one plain space, trimmed. Anything but a string is left for the validator to refuse.
 */
export function normaliseTextField(value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFC').replace(/\s+/gu, ' ').trim() : value;
}

// Lone surrogates are not encodable as UTF-8 for PostgreSQL; what else is no text (control
// characters: white space is made spaces by then) is the rule of every name (lineTextProblem).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface TextFieldRule {
  /** The most code points. */
  max: number;
  /** '' is a value of the field ("none") instead of an error. */
  mayBeEmpty?: boolean;
  /** What a non-empty text must be besides: why it cannot be the field, or null. */
  check?: (value: string) => string | null;
  /** The field may be left out of the request (`null` is no omission: still refused). */
  optional?: boolean;
}

/** Why `value` (normalised) cannot be the field, or null when it can; lengths in code points. */
export function textFieldProblem(field: string, value: unknown, rule: TextFieldRule): string | null {
  if (typeof value !== 'string') {
    return `${field} must be text`;
  }
  if (LONE_SURROGATE.test(value)) {
    return `${field} must be valid Unicode text (it contains a lone surrogate)`;
  }
  const line = lineTextProblem(field, value);
  if (line !== null) {
    return line;
  }
  if (value === '') {
    return rule.mayBeEmpty ? null : `${field} must not be empty`;
  }
  if ([...value].length > rule.max) {
    return `${field} must be at most ${rule.max} characters long`;
  }
  return rule.check?.(value) ?? null;
}

/**
 * A text field of a request body: normalised (`normaliseTextField`), then refused with a
 * message naming the field unless `textFieldProblem()` accepts it.
 */
export function TextField(field: string, rule: TextFieldRule): PropertyDecorator {
  const normalise = Transform(({ value }: { value: unknown }) => normaliseTextField(value));
  const unlessOmitted = ValidateIf((_object, value) => value !== undefined);
  return (target: object, propertyName: string | symbol) => {
    normalise(target, propertyName);
    if (rule.optional) {
      unlessOmitted(target, propertyName);
    }
    registerDecorator({
      name: 'isTextField',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args: ValidationArguments) => textFieldProblem(field, args.value, rule) ?? `${field} is invalid`,
      },
      validator: {
        validate: (value: unknown): boolean => textFieldProblem(field, value, rule) === null,
      },
    });
  };
}
