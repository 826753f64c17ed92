// The reading view: the whole report in one page (docs/reading.md).
export { getReportText } from './api/report-text-api';
export { ReportReader, type ReportReaderProps } from './components/report-reader';
export { changedSince, isLater } from './utils/text-news';
