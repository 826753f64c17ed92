import { useT } from '../i18n';

/** A part of the project page, by the id of its wrapper and its name. */
export interface ProjectPagePart {
  id: string;
  label: string;
}

/**
 * "Auf dieser Seite": links to the parts of the project page, below its facts. Plain fragment
 * links: the browser scrolls to the part and starts the next Tab there, and Back returns.
 */
export function ProjectPageNav({ parts }: { parts: readonly ProjectPagePart[] }) {
  const t = useT();
  return (
    <nav className="project-nav" aria-label={t('projectNav.label')}>
      <ul className="project-nav__list">
        {parts.map((part) => (
          <li key={part.id}>
            <a href={`#${part.id}`}>{part.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
