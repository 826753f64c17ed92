import type { Member, OutlineNode, Section, SectionReference } from '@kapitel/domain';
import { useT } from '../../../i18n';
import { useResource } from '../../../lib/use-resource';
import { ConfirmButton } from '../../../ui';
import { getReferences } from '../api/outline-api';
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
