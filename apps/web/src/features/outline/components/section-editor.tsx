import type { Member, OutlineNode, Section } from '@kapitel/domain';
import { useT } from '../../../i18n';
import { ConfirmButton } from '../../../ui';
import { descendantCount } from '../utils/outline-tree';
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
