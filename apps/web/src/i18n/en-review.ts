import type { deReview } from './de-review';

/** English messages of the review's closure: exactly the German keys. */
export const enReview: Record<keyof typeof deReview, string> = {
  'reviewAction.no_objections': 'No objections',
  'review.noObjections.note': 'Note (optional)',
  'review.noObjections.hint':
    'You tell the project lead: reviewed, no objections. The status stays “In review”; only the project lead can approve. The note appears in the history.',
  'review.noObjections.submit': 'Report no objections',
  'review.noObjections.done': '“No objections” is recorded. The project lead has been notified.',
  'review.noObjections.title': 'Reviewed, no objections',
  'review.approveCheck.question': 'Approve anyway?',
  'review.approveCheck.openComments.one': '1 open comment',
  'review.approveCheck.openComments.other': '{count} open comments',
  'review.approveCheck.noText': 'The section has no text yet',
  'review.approveCheck.confirm': 'Yes, approve',
  'review.reopen.question': 'Reopen the section?',
  'review.reopen.note': 'Reason (optional)',
  'review.reopen.hint':
    'The section goes back to draft and can be edited again. The assignees are notified, with the reason; it also appears in the history.',
  'review.reopen.submit': 'Yes, reopen',
  'history.unchanged': 'Status stays {state}',
  'outline.reviewed': 'reviewed',
  'outline.reviewedBy': 'Reviewed, no objections: {names}',
} as const;
