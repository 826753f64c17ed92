export { SourcesPanel, type SourcesPanelProps } from './components/sources-panel';
export { SourceEntryText } from './components/source-entry';
export { listSources } from './api/sources-api';
