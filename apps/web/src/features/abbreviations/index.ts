export { AbbreviationsPanel, type AbbreviationsPanelProps } from './components/abbreviations-panel';
export { listAbbreviations } from './api/abbreviations-api';
