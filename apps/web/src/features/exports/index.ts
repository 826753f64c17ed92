export { ExportPanel, type ExportPanelProps } from './components/export-panel';
