import { codePointLength, LIMITS, suggestionProblem } from '@kapitel/domain';
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useT, type Translate } from '../../../i18n';

export interface SuggestionFieldProps {
  /** The passage's text, which the field starts with. */
  quote: string;
  value: string;
  issue: string | null;
  language: string;
  onChange: (value: string) => void;
  /** Keys the whole form handles (Escape, Ctrl+Enter), after Enter was kept from breaking the line. */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
}

/**
 * What a suggested change would put in place of the passage, as the form says it, or null
 * when it can be sent. The rule is the server's (`suggestionProblem`), plus "not the same".
 */
export function suggestionIssue(t: Translate, value: string, quote: string): string | null {
  if (value === quote) {
    return t('suggestions.same');
  }
  if (suggestionProblem(value) === null) {
    return null;
  }
  if (value.trim() === '') {
    return t('suggestions.onlySpaces');
  }
  return codePointLength(value) > LIMITS.suggestionMaxLength
    ? t('validation.maxLength', { max: LIMITS.suggestionMaxLength })
    : t('suggestions.oneLine');
}

/**
 * The new wording of a passage, starting as the passage reads now. One line: a passage lies
 * in one paragraph, so line breaks typed or pasted become spaces. It takes the focus when it
 * appears, with the caret at the end.
 */
export function SuggestionField(props: SuggestionFieldProps) {
  const { value, issue, language, onChange, onKeyDown } = props;
  const t = useT();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const element = field.current;
    if (element !== null) {
      element.focus();
      element.setSelectionRange(element.value.length, element.value.length);
    }
  }, []);

  const hintId = `${id}-hint`;
  const issueId = `${id}-issue`;
  return (
    <div className={`field comment-composer__field${issue ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {t('suggestions.field')}
      </label>
      <p className="field__hint" id={hintId}>
        {t('suggestions.fieldHint')}
      </p>
      {issue ? (
        <p className="field__error" id={issueId}>
          {issue}
        </p>
      ) : null}
      <textarea
        ref={field}
        id={id}
        lang={language}
        className="field__control field__control--textarea comment-composer__text"
        rows={2}
        value={value}
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? `${issueId} ${hintId}` : hintId}
        onChange={(event) => {
          onChange(event.target.value.replace(/[\r\n\t]+/g, ' '));
        }}
        onKeyDown={(event) => {
          // Enter would make a line break, which a passage cannot take; Ctrl+Enter sends the form.
          if (event.key === 'Enter' && !(event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            return;
          }
          onKeyDown(event);
        }}
      />
    </div>
  );
}
