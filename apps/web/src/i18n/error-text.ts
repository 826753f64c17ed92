import { lineTextRule } from '@kapitel/domain';
import type { Translate } from './translate';
import { isApiError } from '../lib/api';
import type { Issue } from '../lib/validation';

/**
 * The translated message for any failure. Each API error code has a key `error.<CODE>`;
 * the template literal type makes a code without a translation a compile error.
 */
export function errorText(t: Translate, error: unknown): string {
  if (!isApiError(error)) {
    return t('error.UNKNOWN');
  }
  const message = t(`error.${error.code}`);
  // A reference lets an administrator find the failure in the server log.
  if ((error.code === 'INTERNAL' || error.code === 'UNKNOWN') && error.requestId !== undefined) {
    return `${message} ${t('error.reference', { id: error.requestId })}`;
  }
  return message;
}

const LINE_TEXT_KEYS = {
  control: 'validation.controlCharacters',
  direction: 'validation.directionControls',
  invisible: 'validation.invisibleOnly',
} as const;

/** The translated message for one field's validation issue. */
export function issueText(t: Translate, issue: Issue | undefined): string | null {
  if (issue === undefined) {
    return null;
  }
  switch (issue.kind) {
    case 'required':
      return t('validation.required');
    case 'email':
      return t('validation.email');
    case 'minLength':
      return t('validation.minLength', { min: issue.limit });
    case 'maxLength':
      return t('validation.maxLength', { max: issue.limit });
    case 'date':
      return t('validation.date');
    case 'wholeNumber':
      return t('validation.wholeNumber', { min: issue.min, max: issue.max });
    case 'url':
      return t('validation.url');
    case 'future':
      return t('validation.future');
    case 'ownEmail':
      return t('validation.ownEmail');
    case 'refused':
      return t(`error.${issue.code}`);
    case 'server':
    {
      // A rule of names and titles (libs/domain lineTextProblem) said in the reader's language.
      const rule = lineTextRule(issue.message);
      return t(rule === null ? 'validation.invalid' : LINE_TEXT_KEYS[rule]);
    }
  }
}
