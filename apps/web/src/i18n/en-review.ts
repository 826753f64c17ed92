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
  'review.writing': 'In the section now and allowed to write: {names}. What they have not saved yet is lost, as the text becomes read-only.',
  'review.submitCheck.question': 'Submit for review anyway?',
  'review.submitCheck.confirm': 'Yes, submit',
  'review.approveCheck.question': 'Approve anyway?',
  'review.approveCheck.openComments.one': '1 open comment',
  'review.approveCheck.openComments.other': '{count} open comments',
  'review.approveCheck.reviewerPending': '{name} has not checked the section in this round yet (no “No objections”)',
  'review.approveCheck.reviewerPendingUnnamed': 'The assigned review is still open in this round (no “No objections”)',
  'review.approveCheck.noText': 'The section has no text yet',
  'review.approveCheck.confirm': 'Yes, approve',
  'review.reopen.question': 'Reopen the section?',
  'review.reopen.note': 'Reason (optional)',
  'review.reopen.hint':
    'The section goes back to draft and can be edited again. The assignees are notified, with the reason; it also appears in the history.',
  'review.reopen.submit': 'Yes, reopen',
  'reviewAction.withdraw': 'Withdraw submission',
  'review.withdraw.question': 'Withdraw the submission?',
  'review.withdraw.note': 'Reason (optional)',
  'review.withdraw.hint':
    'The section goes back to draft and you can edit the text again. Whoever reviews the section is notified, with the reason; it also appears in the history.',
  'review.withdraw.submit': 'Yes, withdraw',
  'review.request.title': 'Changes requested',
  'review.standing.draft':
    'The section is a draft. Once the text is ready, the assignees submit it for review.',
  'review.standing.inReviewBy':
    'The section is with {name} for review. The text is locked until a decision is made.',
  'review.standing.inReviewByLead':
    'The section is with the project lead for review. The text is locked until a decision is made.',
  'review.standing.canWithdraw': 'To keep writing before then, withdraw the submission.',
  'review.standing.revise': 'Please revise the text, then submit it for review again.',
  'review.standing.beingRevised':
    'The assignees are revising the section and will then submit it for review again.',
  'review.standing.approved': 'The section is approved. The project lead can reopen it.',
  'history.unchanged': 'Status stays {state}',
  'outline.reviewed': 'reviewed',
  'outline.reviewedBy': 'Reviewed, no objections: {names}',
} as const;
