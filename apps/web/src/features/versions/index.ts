export { listVersions } from './api/versions-api';
export { VersionsPanel, type VersionsPanelProps } from './components/versions-panel';
