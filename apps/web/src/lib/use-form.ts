import type { ErrorCode, FieldError } from '@kapitel/domain';
import { useCallback, useEffect, useRef, useState, type ChangeEvent, type SubmitEvent } from 'react';
import { isApiError } from './api';
import { validate, type Issue, type Rule } from './validation';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export interface FormState<F extends string> {
  values: Record<F, string>;
  setValue: (field: F, value: string) => void;
  /** Props for a controlled control: `<TextField {...form.field('email')} />`. */
  field: (name: F) => { name: F; value: string; onChange: (event: ChangeEvent<Control>) => void };
  issues: Partial<Record<F, Issue>>;
  /** The last failure of the submit action; null when none. */
  error: unknown;
  /**
   * The failure for the form-level message: `error`, except one whose code is about a field
   * (`fieldOfCode`), which is said at that field and would only be repeated above the form.
   */
  summaryError: unknown;
  /** Validation details the server sent for fields this form does not have. */
  otherDetails: readonly FieldError[];
  submitting: boolean;
  onSubmit: (
    action: (values: Record<F, string>) => Promise<void>,
  ) => (event: SubmitEvent<HTMLFormElement>) => void;
  reset: () => void;
}

function focusField(form: HTMLFormElement, name: string): void {
  const element = form.elements.namedItem(name);
  if (element instanceof HTMLElement) {
    element.focus();
  }
}

/**
 * State of one form: controlled values, client validation on submit, and server validation
 * details mapped back onto the named fields. Focus goes to the first field with a problem.
 * Controls must carry `name` (given by `field()`) for that.
 */
export function useForm<F extends string>(
  initial: Record<F, string>,
  fieldRules: Partial<Record<F, readonly Rule[]>> = {},
  /** Error codes that are about one field (EMAIL_TAKEN: `email`): that field is marked too. */
  fieldOfCode: Partial<Record<ErrorCode, NoInfer<F>>> = {},
): FormState<F> {
  const initialValues = useRef(initial);
  const [values, setValues] = useState<Record<F, string>>(initial);
  const [issues, setIssues] = useState<Partial<Record<F, Issue>>>({});
  const [error, setError] = useState<unknown>(null);
  const [otherDetails, setOtherDetails] = useState<readonly FieldError[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false);
  // Focus goes to a field only once its message is rendered: a screen reader reads the field's
  // description when the focus arrives, and a message that comes later is not read at all.
  const focusRequest = useRef<{ form: HTMLFormElement; name: string } | null>(null);
  const [focusRequests, setFocusRequests] = useState(0);
  useEffect(() => {
    const request = focusRequest.current;
    if (request !== null) {
      focusRequest.current = null;
      focusField(request.form, request.name);
    }
  }, [focusRequests]);
  const focusAfterRender = (form: HTMLFormElement, name: string): void => {
    focusRequest.current = { form, name };
    setFocusRequests((count) => count + 1);
  };

  const setValue = useCallback((field: F, value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    // A field the user is fixing should no longer shout at them.
    setIssues((previous) => {
      if (previous[field] === undefined) {
        return previous;
      }
      const next: Partial<Record<F, Issue>> = {};
      for (const name of Object.keys(previous) as F[]) {
        if (name !== field) {
          next[name] = previous[name];
        }
      }
      return next;
    });
  }, []);

  const field = (name: F) => ({
    name,
    value: values[name],
    onChange: (event: ChangeEvent<Control>) => {
      setValue(name, event.target.value);
    },
  });

  const onSubmit =
    (action: (values: Record<F, string>) => Promise<void>) =>
    (event: SubmitEvent<HTMLFormElement>): void => {
      event.preventDefault();
      if (busy.current) {
        return;
      }
      const form = event.currentTarget;
      const names = Object.keys(values) as F[];
      const found = validate(values, fieldRules);
      setIssues(found);
      setOtherDetails([]);
      const firstInvalid = names.find((name) => found[name] !== undefined);
      if (firstInvalid !== undefined) {
        setError(null);
        focusAfterRender(form, firstInvalid);
        return;
      }
      busy.current = true;
      setSubmitting(true);
      setError(null);
      const run = async (): Promise<void> => {
        try {
          await action(values);
        } catch (caught) {
          setError(caught);
          if (isApiError(caught) && caught.code === 'VALIDATION') {
            const serverIssues: Partial<Record<F, Issue>> = {};
            const rest: FieldError[] = [];
            for (const detail of caught.details) {
              // `anchor.start` belongs to the field `anchor`, `assigneeIds[2]` to `assigneeIds`.
              const name = names.find((candidate) => candidate === detail.field.split(/[.[]/)[0]);
              if (name !== undefined && serverIssues[name] === undefined) {
                serverIssues[name] = { kind: 'server', message: detail.message };
              } else if (name === undefined) {
                rest.push(detail);
              }
            }
            setIssues(serverIssues);
            setOtherDetails(rest);
            const first = names.find((name) => serverIssues[name] !== undefined);
            if (first !== undefined) {
              focusAfterRender(form, first);
            }
          } else if (isApiError(caught) && caught.code !== 'NETWORK' && caught.code !== 'UNKNOWN') {
            const name = fieldOfCode[caught.code];
            if (name !== undefined) {
              setIssues({ [name]: { kind: 'refused', code: caught.code } } as Partial<Record<F, Issue>>);
              focusAfterRender(form, name);
            }
          }
        } finally {
          busy.current = false;
          setSubmitting(false);
        }
      };
      void run();
    };

  const reset = useCallback(() => {
    setValues(initialValues.current);
    setIssues({});
    setError(null);
    setOtherDetails([]);
  }, []);

  const saidAtField =
    isApiError(error) &&
    error.code !== 'NETWORK' &&
    error.code !== 'UNKNOWN' &&
    fieldOfCode[error.code] !== undefined;
  const summaryError = saidAtField ? null : error;
  return { values, setValue, field, issues, error, summaryError, otherDetails, submitting, onSubmit, reset };
}
