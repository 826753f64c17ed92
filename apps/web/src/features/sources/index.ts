export { SourcesPanel, type SourcesPanelProps } from './components/sources-panel';
export { SourceEntryText } from './components/source-entry';
export { SourceForm, type SourceFormProps } from './components/source-form';
export { listSources } from './api/sources-api';
