import { useId, type ReactNode } from 'react';
import './card.css';

export interface CardProps {
  /** Heading of the card; the card becomes a labelled region of the page. */
  title?: ReactNode;
  /** The heading level that fits the page outline (default 2). */
  headingLevel?: 2 | 3;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}

export function Card({ title, headingLevel = 2, description, children, className }: CardProps) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section
      className={`card${className ? ` ${className}` : ''}`}
      aria-labelledby={title ? headingId : undefined}
    >
      {title ? (
        <Heading id={headingId} className="card__title">
          {title}
        </Heading>
      ) : null}
      {description ? <p className="card__description">{description}</p> : null}
      {children}
    </section>
  );
}
