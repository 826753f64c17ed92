export { DueDate, type DueDateProps } from './components/due-date';
export { WordCount, type WordCountProps } from './components/word-count';
export { OutlinePanel, type OutlinePanelProps } from './components/outline-panel';
export { TRASH_ANCHOR } from './components/trash-panel';
export { ReviewStateBadge } from './components/review-state-badge';
export { memberNames } from './utils/member-names';
export { getDashboard, getOutline } from './api/outline-api';
