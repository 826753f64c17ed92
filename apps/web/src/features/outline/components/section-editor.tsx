import type { Member, OutlineNode, Section } from '@kapitel/domain';
import { useT } from '../../../i18n';
import { ConfirmButton } from '../../../ui';
import { AssignmentForm } from './assignment-form';
import { SectionSettingsForm } from './section-settings-form';

export interface SectionEditorProps {
  id: string;
  projectId: string;
  section: OutlineNode;
  members: readonly Member[];
  onSaved: (section: Section, what: 'settings' | 'assignment') => void;
  onDelete: (section: OutlineNode) => Promise<void>;
}

/** The lead's tools for one section: title and numbering, assignment, delete. */
export function SectionEditor({ id, projectId, section, members, onSaved, onDelete }: SectionEditorProps) {
  const t = useT();
  return (
    <div id={id} className="outline-editor">
      <div className="outline-editor__forms">
        <SectionSettingsForm
          projectId={projectId}
          section={section}
          onSaved={(saved) => {
            onSaved(saved, 'settings');
          }}
        />
        <AssignmentForm
          projectId={projectId}
          section={section}
          members={members}
          onSaved={(saved) => {
            onSaved(saved, 'assignment');
          }}
        />
      </div>
      <div className="outline-editor__danger">
        <ConfirmButton
          label={t('outline.delete')}
          accessibleLabel={t('outline.deleteOf', { title: section.title })}
          question={t('outline.deleteQuestion', { title: section.title })}
          confirmLabel={t('outline.deleteConfirm')}
          cancelLabel={t('common.cancel')}
          onConfirm={() => onDelete(section)}
        />
      </div>
    </div>
  );
}
