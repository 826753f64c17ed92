import { useId, type ReactNode, type Ref } from 'react';
import './card.css';

export interface CardProps {
  /** Heading of the card; the card becomes a labelled region of the page. */
  title?: ReactNode;
  /** The heading level that fits the page outline (default 2). */
  headingLevel?: 2 | 3;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
  /** An id for the card, e.g. the target of a link to this part of the page. */
  id?: string;
  /** Given, the heading can take focus from a script (a link that leads to this card). */
  headingRef?: Ref<HTMLHeadingElement>;
}

export function Card({ title, headingLevel = 2, description, children, className, id, headingRef }: CardProps) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section
      id={id}
      className={`card${className ? ` ${className}` : ''}`}
      aria-labelledby={title ? headingId : undefined}
    >
      {title ? (
        <Heading
          id={headingId}
          ref={headingRef}
          className="card__title"
          tabIndex={headingRef === undefined ? undefined : -1}
        >
          {title}
        </Heading>
      ) : null}
      {description ? <p className="card__description">{description}</p> : null}
      {children}
    </section>
  );
}
