import { footnoteParts } from '@kapitel/editor';
import { Fragment } from 'react';
import { useI18n } from '../../../i18n';
import './footnote-text.css';

export interface FootnoteTextProps {
  text: string;
  /** The report's language: a note is the authors' text, not the app's. */
  language?: string;
  className?: string;
}

/**
 * A footnote's text as a reader sees it: the web addresses in it (found by libs/editor's
 * footnoteParts, the same as in the PDF) are links. They open in a new tab, so that the
 * report stays open, and say so to screen readers. The note is stored and edited as plain text.
 */
export function FootnoteText({ text, language, className }: FootnoteTextProps) {
  const { t, language: appLanguage } = useI18n();
  return (
    <span className={className === undefined ? 'footnote-text' : `footnote-text ${className}`} lang={language}>
      {footnoteParts(text).map((part, index) => (
        <Fragment key={index}>
          {part.kind === 'link' ? (
            <a href={part.href} target="_blank" rel="noopener noreferrer">
              {part.text}
              <span className="visually-hidden" lang={appLanguage}>
                {` ${t('footnotes.opensInNewTab')}`}
              </span>
            </a>
          ) : (
            part.text
          )}
        </Fragment>
      ))}
    </span>
  );
}
