export { getMyWork } from './api/my-work-api';
export { MySectionsPanel, type MySectionsPanelProps } from './components/my-sections-panel';
