import type { Member, OutlineNode, Section, SectionReference } from '@kapitel/domain';
import { useCallback, useRef } from 'react';
import { useT } from '../../../i18n';
import { useResource } from '../../../lib/use-resource';
import { ConfirmButton } from '../../../ui';
import { getReferences } from '../api/outline-api';
import type { SectionForm } from '../hooks/use-section-tools';
import { descendantCount } from '../utils/outline-tree';
import { AssignmentForm } from './assignment-form';
import { DiscardQuestion } from './discard-question';
import { SectionSettingsForm } from './section-settings-form';

export interface SectionEditorProps {
  id: string;
  projectId: string;
  section: OutlineNode;
  members: readonly Member[];
  onSaved: (section: Section, what: SectionForm) => void;
  onDelete: (section: OutlineNode) => Promise<void>;
  /** The forms that hold unsaved changes, in their order on screen. */
  unsaved: readonly SectionForm[];
  onUnsavedChange: (form: SectionForm, unsaved: boolean) => void;
  /** The lead wants to close these tools while forms hold unsaved changes: ask. */
  asking: boolean;
  onDiscard: () => void;
  onKeep: () => void;
}

/** The lead's tools for one section: title and numbering, assignment, delete. */
export function SectionEditor(props: SectionEditorProps) {
  const { id, projectId, section, members, onSaved, onDelete, unsaved, onUnsavedChange } = props;
  const t = useT();
  const saveButtons = { settings: useRef<HTMLButtonElement>(null), assignment: useRef<HTMLButtonElement>(null) };
  const settingsUnsaved = useCallback(
    (value: boolean) => {
      onUnsavedChange('settings', value);
    },
    [onUnsavedChange],
  );
  const assignmentUnsaved = useCallback(
    (value: boolean) => {
      onUnsavedChange('assignment', value);
    },
    [onUnsavedChange],
  );
  const title = section.title;
  // Sub-sections go to the trash too: the question says so, and how many, only when there are any.
  const below = descendantCount(section);
  const question =
    below === 0
      ? t('outline.deleteQuestion', { title })
      : t(below === 1 ? 'outline.deleteQuestionWithSub.one' : 'outline.deleteQuestionWithSub.other', {
          title,
          count: below,
        });
  return (
    <div id={id} className="outline-editor">
      {props.asking && unsaved.length > 0 ? (
        <DiscardQuestion
          forms={unsaved}
          onDiscard={props.onDiscard}
          onKeep={() => {
            // Back to work: at the button that saves the first of the unsaved forms, which says so.
            saveButtons[unsaved[0] ?? 'settings'].current?.focus();
            props.onKeep();
          }}
        />
      ) : null}
      <div className="outline-editor__forms">
        <SectionSettingsForm
          projectId={projectId}
          section={section}
          onSaved={(saved) => {
            onSaved(saved, 'settings');
          }}
          onUnsavedChange={settingsUnsaved}
          saveButtonRef={saveButtons.settings}
        />
        <AssignmentForm
          projectId={projectId}
          section={section}
          members={members}
          onSaved={(saved) => {
            onSaved(saved, 'assignment');
          }}
          onUnsavedChange={assignmentUnsaved}
          saveButtonRef={saveButtons.assignment}
        />
      </div>
      <div className="outline-editor__danger">
        <ReferencesNote projectId={projectId} sectionId={section.id} withSub={below > 0} />
        <ConfirmButton
          label={t('outline.delete')}
          accessibleLabel={t('outline.deleteOf', { title })}
          question={question}
          confirmLabel={t('outline.deleteConfirm')}
          cancelLabel={t('common.cancel')}
          onConfirm={() => onDelete(section)}
        />
      </div>
    </div>
  );
}

/** "2.1 Einzelheiten (2×)", "Anhang": a referring section by its number and title, with how often it refers. */
function referringSection(reference: SectionReference): string {
  const name = reference.number === null ? reference.title : `${reference.number} ${reference.title}`;
  return reference.count > 1 ? `${name} (${String(reference.count)}×)` : name;
}

/**
 * Before a section goes to the trash: which texts refer to it (or its sub-sections) through cross-references, whose
 * references would say "Verweis fehlt" then. Nothing when none do (or the question failed:
 * the delete itself does not depend on it).
 */
function ReferencesNote({ projectId, sectionId, withSub }: { projectId: string; sectionId: string; withSub: boolean }) {
  const t = useT();
  const { resource } = useResource((signal) => getReferences(projectId, sectionId, { signal }), [projectId, sectionId]);
  const references = resource.data ?? [];
  if (references.length === 0) {
    return null;
  }
  return (
    <p className="outline-editor__references">
      {t(withSub ? 'outline.referencedByWithSub' : 'outline.referencedBy', { sections: references.map(referringSection).join(', ') })}
    </p>
  );
}
