export { AbbreviationsPanel, type AbbreviationsPanelProps } from './components/abbreviations-panel';
