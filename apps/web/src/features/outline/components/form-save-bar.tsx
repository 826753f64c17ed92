import { useId, type Ref } from 'react';
import { useT } from '../../../i18n';
import { Button } from '../../../ui';

export interface FormSaveBarProps {
  /** The button's text, naming what it saves ("Zuweisung speichern"). */
  label: string;
  busy: boolean;
  /** The form holds changes that are not saved yet. */
  unsaved: boolean;
  /** The last save found nothing to save, and nothing was changed since. */
  nothingToSave: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
}

/**
 * A section form's submit button with what the form's state is: "Nicht gespeicherte Änderungen"
 * beside it while there are some, "Keine Änderungen zu speichern." after saving none. With two
 * forms in one panel, a lead must see which of them still holds work, not only the panel's banner.
 */
export function FormSaveBar({ label, busy, unsaved, nothingToSave, buttonRef }: FormSaveBarProps) {
  const t = useT();
  const hintId = useId();
  return (
    <div className="form-actions outline-editor__actions">
      <Button
        ref={buttonRef}
        type="submit"
        size="small"
        busy={busy}
        // Read with the button, not announced at each keystroke as a live region would be.
        aria-describedby={unsaved ? hintId : undefined}
      >
        {label}
      </Button>
      {unsaved ? (
        <span id={hintId} className="outline-editor__unsaved">
          <span className="outline-editor__unsaved-mark" aria-hidden="true" />
          {t('outline.unsaved')}
        </span>
      ) : null}
      {/* Always in the page, so that screen readers announce the message when it appears. */}
      <span role="status" className="outline-editor__nothing">
        {nothingToSave && !unsaved ? t('outline.nothingToSave') : null}
      </span>
    </div>
  );
}
