import type { Language, OutlineNode } from '@kapitel/domain';
import { Link } from 'react-router';
import { useT } from '../../../i18n';

/**
 * A section the filter "Nur meine Abschnitte" keeps only because one of the person's lies
 * below it: number and title, greyed, and named a parent section for screen readers.
 */
export function OutlineContextItem({
  projectId,
  node,
  language,
}: {
  projectId: string;
  node: OutlineNode;
  language: Language;
}) {
  const t = useT();
  const href = `/projects/${encodeURIComponent(projectId)}/sections/${encodeURIComponent(node.id)}`;
  return (
    <div className="outline-item outline-item--context">
      <div className="outline-item__row">
        <p className="outline-item__title">
          <Link to={href} data-focus={`${node.id}:link`}>
            {node.number === null ? null : <span className="outline-item__number">{node.number}</span>}
            {node.number === null ? null : ' '}
            <span lang={language}>{node.title}</span>{' '}
            <span className="visually-hidden">{t('myWork.context')}</span>
          </Link>
        </p>
      </div>
    </div>
  );
}
