import { LIMITS, type Member } from '@kapitel/domain';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ErrorAlert, useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { Button } from '../../../ui';
import { bodyIssue } from '../utils/body-issue';
import { insertMention, mentionQueryAt, mentionSuggestions, type MentionQuery } from '../utils/mentions';
import { SuggestionField, suggestionIssue } from './suggestion-field';

export interface CommentComposerProps {
  /** Label of the text field ("Kommentar", "Antwort", ...). */
  label: string;
  submitLabel: string;
  initialBody?: string;
  /** Members who can be mentioned (without oneself). */
  members: readonly Member[];
  /** Shown above the field, e.g. the passage being commented on. */
  context?: ReactNode;
  /** The passage's text, when a change to it may be suggested (a new thread on a passage). */
  suggestFor?: string;
  /** Opened to suggest a change ("Vorschlagen" at the selection): the wording takes the focus. */
  suggesting?: boolean;
  /** The language of the report, which a suggested wording is in. */
  language?: string;
  /** The text may be empty (a suggested change's reason). */
  optional?: boolean;
  /**
   * Sends the text, with the suggested wording when a change is suggested; a rejection is
   * shown in the form (and the text kept).
   */
  onSubmit: (body: string, suggestion?: string) => Promise<void>;
  onCancel: () => void;
  className?: string;
}

/**
 * A small form for a comment, reply or edit: a text field with `@` autocompletion of
 * project members (a listbox under the field, operated with the arrow keys, Enter or Tab
 * to take a name, Escape to close it), checked with the server's rule before sending.
 * Escape in the field cancels, unless it holds text not yet sent: then it says that
 * "Abbrechen" discards it (one Escape too many must not lose a written comment). Ctrl+Enter
 * sends. The field takes the focus when it opens.
 */
export function CommentComposer(props: CommentComposerProps) {
  const { label, submitLabel, initialBody = '', members, context, onSubmit, onCancel, className } = props;
  const { suggestFor, language, optional = false, suggesting: suggestingAtFirst = false } = props;
  const t = useT();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(initialBody);
  const [caret, setCaret] = useState(initialBody.length);
  const [chosen, setChosen] = useState(0);
  // The `@` whose suggestions were closed with Escape: they stay closed until another one.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [issue, setIssue] = useState<string | null>(null);
  // Escape was pressed on a written draft, which it keeps: said until the text changes.
  const [keptOnEscape, setKeptOnEscape] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // A suggested change: whether one is made, its wording and what is wrong with it.
  const [suggesting, setSuggesting] = useState(suggestingAtFirst && suggestFor !== undefined);
  const [wording, setWording] = useState(suggestFor ?? '');
  const [wordingIssue, setWordingIssue] = useState<string | null>(null);

  // Opened to suggest a change, the wording field has taken the focus (SuggestionField).
  const focusBodyFirst = useRef(!suggesting);
  useEffect(() => {
    const element = field.current;
    if (element !== null && focusBodyFirst.current) {
      element.focus();
      element.setSelectionRange(element.value.length, element.value.length);
    }
  }, []);

  const query: MentionQuery | null = useMemo(() => mentionQueryAt(body, caret), [body, caret]);
  const suggestions = useMemo(
    () => (query === null || query.start === dismissedAt ? [] : mentionSuggestions(query.query, members)),
    [query, dismissedAt, members],
  );
  const open = suggestions.length > 0;
  const active = open ? Math.min(chosen, suggestions.length - 1) : -1;
  const listId = `${id}-mentions`;
  const optionId = (index: number): string => `${id}-mention-${String(index)}`;

  const choose = (member: Member): void => {
    if (query === null) {
      return;
    }
    const next = insertMention(body, query, caret, member.name);
    setBody(next.text);
    setCaret(next.caret);
    setChosen(0);
    requestAnimationFrame(() => {
      field.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const submit = async (): Promise<void> => {
    const suggestion = suggesting && suggestFor !== undefined ? wording : undefined;
    const wrongWording = suggestion === undefined || suggestFor === undefined ? null : suggestionIssue(t, suggestion, suggestFor);
    setWordingIssue(wrongWording);
    const problem = bodyIssue(body);
    if (problem !== null && !(problem === 'required' && (optional || suggestion !== undefined))) {
      setIssue(
        problem === 'required'
          ? t('validation.required')
          : problem === 'tooLong'
            ? t('validation.maxLength', { max: LIMITS.commentMaxLength })
            : t('comments.invalidText'),
      );
      field.current?.focus();
      return;
    }
    setIssue(null);
    if (wrongWording !== null) {
      focusWording();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await onSubmit(body, suggestion);
    } catch (caught) {
      if (isApiError(caught) && caught.code === 'VALIDATION' && caught.details.some((d) => d.field === 'body')) {
        setIssue(t('validation.invalid'));
      } else if (isApiError(caught) && caught.code === 'VALIDATION' && caught.details.some((d) => d.field === 'suggestion')) {
        setWordingIssue(t('validation.invalid'));
        focusWording();
        return;
      } else {
        setError(caught);
      }
      field.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const focusWording = (): void => {
    document.getElementById(`${id}-wording`)?.querySelector('textarea')?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (open) {
      const picked = suggestions[active];
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setChosen((active + step + suggestions.length) % suggestions.length);
        return;
      }
      // Enter or Tab picks the name; Ctrl+Enter sends, as the hint says, also with the list open.
      const sends = event.ctrlKey || event.metaKey;
      if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && !sends && picked !== undefined) {
        event.preventDefault();
        choose(picked);
        return;
      }
      if (event.key === 'Escape' && query !== null) {
        event.preventDefault();
        event.stopPropagation();
        setDismissedAt(query.start);
        return;
      }
    }
    formKeys(event);
  };

  /** Escape and Ctrl+Enter, in every field of the form. */
  const formKeys = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      const wordingChanged = suggesting && wording !== (suggestFor ?? '');
      if ((body.trim() !== '' && body !== initialBody) || wordingChanged) {
        setKeptOnEscape(true);
        return;
      }
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const hintId = `${id}-hint`;
  const issueId = `${id}-issue`;
  return (
    <form
      className={`comment-composer${className ? ` ${className}` : ''}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {context}
      <ErrorAlert error={error} />
      {suggestFor === undefined ? null : (
        <div className="field__checkbox-row comment-composer__toggle">
          <input
            id={`${id}-suggest`}
            type="checkbox"
            className="field__checkbox"
            checked={suggesting}
            onChange={(event) => {
              setSuggesting(event.target.checked);
              setWordingIssue(null);
            }}
          />
          <label htmlFor={`${id}-suggest`}>{t('suggestions.toggle')}</label>
        </div>
      )}
      {suggesting && suggestFor !== undefined ? (
        <div id={`${id}-wording`}>
          <SuggestionField
            quote={suggestFor}
            value={wording}
            issue={wordingIssue}
            language={language ?? 'de'}
            onChange={(value) => {
              setKeptOnEscape(false);
              setWordingIssue(null);
              setWording(value);
            }}
            onKeyDown={formKeys}
          />
        </div>
      ) : null}
      <div className={`field comment-composer__field${issue ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={id}>
          {suggesting ? t('suggestions.reason') : label}
        </label>
        <p className="field__hint" id={hintId}>
          {t('comments.field.hint')}
        </p>
        <p role="status" className="field__hint">
          {keptOnEscape ? t('comments.field.keptOnEscape') : ''}
        </p>
        {issue ? (
          <p className="field__error" id={issueId}>
            {issue}
          </p>
        ) : null}
        <div className="comment-composer__control">
          <textarea
            ref={field}
            id={id}
            className="field__control field__control--textarea comment-composer__text"
            rows={3}
            value={body}
            aria-invalid={issue ? true : undefined}
            aria-describedby={issue ? `${issueId} ${hintId}` : hintId}
            aria-autocomplete="list"
            aria-controls={open ? listId : undefined}
            aria-activedescendant={open ? optionId(active) : undefined}
            onChange={(event) => {
              setKeptOnEscape(false);
              setBody(event.target.value);
              setCaret(event.target.selectionStart);
              setChosen(0);
            }}
            onSelect={(event) => {
              setCaret(event.currentTarget.selectionStart);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => {
              if (query !== null) {
                setDismissedAt(query.start);
              }
            }}
            onFocus={() => {
              setDismissedAt(null);
            }}
          />
          {open ? (
            <ul id={listId} role="listbox" className="mention-list" aria-label={t('comments.mentions.label')}>
              {suggestions.map((member, index) => (
                <li
                  key={member.userId}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className="mention-list__option"
                  // Keeps the focus (and the caret) in the text field.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(member);
                  }}
                >
                  <span className="mention-list__name">{member.name}</span>
                  {member.organisation ? (
                    <span className="mention-list__org"> · {member.organisation}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <p className="visually-hidden" role="status">
          {open
            ? suggestions.length === 1
              ? t('comments.mentions.one')
              : t('comments.mentions.count', { count: suggestions.length })
            : ''}
        </p>
      </div>
      <div className="comment-composer__actions">
        <Button type="submit" size="small" busy={busy}>
          {suggesting ? t('suggestions.submit') : submitLabel}
        </Button>
        <Button variant="ghost" size="small" disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
