export { SearchPanel, type SearchPanelProps } from './components/search-panel';
