import { codePointLength, commentBodyProblem, LIMITS } from '@kapitel/domain';

/** Why a comment's text cannot be sent, in terms the form can translate; null when it can. */
export type BodyIssue = 'required' | 'tooLong' | 'invalid';

/** The shared rule of libs/domain (`commentBodyProblem`), sorted into what the form says. */
export function bodyIssue(body: string): BodyIssue | null {
  if (commentBodyProblem(body) === null) {
    return null;
  }
  if (body.trim() === '') {
    return 'required';
  }
  return codePointLength(body) > LIMITS.commentMaxLength ? 'tooLong' : 'invalid';
}
