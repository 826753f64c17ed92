export type { MessageKey, Messages } from './dictionaries';
export { DEFAULT_LANGUAGE, DICTIONARIES } from './dictionaries';
export { ErrorAlert, type ErrorAlertProps } from './error-alert';
export { errorText, issueText } from './error-text';
export { I18nProvider, type I18n } from './i18n-provider';
export { createTranslator, nestQuotes, quoted, type MessageParams, type Translate } from './translate';
export { useDocumentTitle, useI18n, useT } from './use-i18n';
export { FailureBoundary, FailureNotice } from './failure-notice';
