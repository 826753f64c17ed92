import type { deSuggestions } from './de-suggestions';

/** English messages of suggested changes in comments, registered in dictionaries.ts. */
export const enSuggestions: Record<keyof typeof deSuggestions, string> = {
  'error.SUGGESTION_OUTDATED':
    'The passage was changed or deleted since the suggestion. Please edit the text by hand.',
  'suggestions.toggle': 'Suggest a change',
  'suggestions.atSelection': 'Suggest',
  'suggestions.hint':
    'Select a passage in the text and choose “Comment” (Ctrl+Alt+M), or “Suggest” for a new wording. Without a selection, the comment is about the whole section.',
  'suggestions.field': 'New wording',
  'suggestions.fieldHint':
    'Whoever writes the section can accept it with one click. Leave it empty to delete the passage.',
  'suggestions.reason': 'Reason (optional)',
  'suggestions.same': 'The new wording is the same as the passage.',
  'suggestions.oneLine': 'The new wording must be one line without control characters.',
  'suggestions.onlySpaces': 'The new wording is only spaces. To delete the passage, leave the field empty.',
  'suggestions.submit': 'Send suggestion',
  'suggestions.created': 'Your suggestion has been saved.',
  'suggestions.gone': 'The passage has been deleted or replaced since. The suggestion can no longer be accepted.',
  'suggestions.withdrawnBadge': 'Withdrawn',
  'suggestions.label': 'Suggested change',
  'suggestions.deletion': 'Suggestion: delete',
  'suggestions.accept': 'Accept',
  'suggestions.acceptOf': "Accept {name}'s suggestion",
  'suggestions.decline': 'Decline',
  'suggestions.declineOf': "Decline {name}'s suggestion",
  'suggestions.acceptedBadge': 'Accepted',
  'suggestions.declinedBadge': 'Not accepted',
  'suggestions.accepted': 'The suggestion is now in the text.',
  'suggestions.declined': 'Suggestion declined.',
  'suggestions.changed': 'The passage was changed since the suggestion. It can no longer be accepted.',
  'suggestions.waiting': 'It can be accepted as soon as the section can be edited again.',
  'notifications.kind.suggestion_accepted': '{actor} accepted your suggested change',
  'notifications.kind.suggested': '{actor} suggests a change in your section',
  'notifications.kind.commented': '{actor} commented on your section',
  'protocol.action.comment.suggested': 'Suggested a change',
  'protocol.action.comment.anchor_moved': 'Tied a comment to its passage again (undo)',
  'protocol.action.comment.suggestion_accepted': 'Accepted a suggested change',
};
