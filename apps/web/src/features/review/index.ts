export { getSection, listTransitions } from './api/review-api';
export { ReviewPanel, type ReviewPanelProps } from './components/review-panel';
export { SectionFacts } from './components/section-facts';
export { TransitionHistory, type TransitionHistoryProps } from './components/transition-history';
