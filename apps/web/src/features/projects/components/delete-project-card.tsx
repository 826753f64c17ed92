import type { Project } from '@kapitel/domain';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert, useT } from '../../../i18n';
import { Button, Card, ConfirmButton, TextField } from '../../../ui';
import { deletedProjectState, deleteProject } from '../api/delete-project';
import './delete-project-card.css';

/**
 * The danger zone of the project page (leads): what deleting takes with it, the project's
 * title typed to confirm, then the app's in-place "really?" (ConfirmButton). Until the title
 * matches, the button only says what is missing, at the field. Afterwards the project list
 * names the deleted project.
 */
export function DeleteProjectCard({ project }: { project: Project }) {
  const t = useT();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const [mismatchShown, setMismatchShown] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fieldId = useId();
  // Spaces around the title are not worth a refusal; everything else must be as it is.
  const matches = typed.trim() === project.title;

  const remove = async (): Promise<void> => {
    setError(null);
    try {
      await deleteProject(project.id);
    } catch (failure) {
      setError(failure);
      throw failure;
    }
    void navigate('/projects', { replace: true, state: deletedProjectState(project.title) });
  };

  return (
    <Card title={t('projectDeletion.title')} className="delete-project">
      <p className="delete-project__explanation">{t('projectDeletion.explanation')}</p>
      <ErrorAlert error={error} />
      <TextField
        id={fieldId}
        label={t('projectDeletion.field')}
        hint={t('projectDeletion.hint', { title: project.title })}
        value={typed}
        autoComplete="off"
        spellCheck={false}
        lang={project.language}
        error={mismatchShown && !matches ? t('projectDeletion.mismatch') : null}
        onChange={(event) => {
          setTyped(event.target.value);
        }}
      />
      <div className="form-actions">
        {matches ? (
          <ConfirmButton
            size="medium"
            label={t('projectDeletion.button')}
            question={t('projectDeletion.question', { title: project.title })}
            confirmLabel={t('projectDeletion.confirm')}
            cancelLabel={t('projectDeletion.cancel')}
            onConfirm={remove}
          />
        ) : (
          <Button
            variant="danger-outline"
            onClick={() => {
              setMismatchShown(true);
              document.getElementById(fieldId)?.focus();
            }}
          >
            {t('projectDeletion.button')}
          </Button>
        )}
      </div>
    </Card>
  );
}
