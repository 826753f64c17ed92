export { ReportSettingsPanel, type ReportSettingsPanelProps } from './components/report-settings-panel';
export { updateProject } from './api/settings-api';
