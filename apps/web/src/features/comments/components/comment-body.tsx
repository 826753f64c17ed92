import { useMemo } from 'react';
import { mentionSegments } from '../utils/mentions';

export interface CommentBodyProps {
  body: string;
  /** Names of the members the comment mentions (from its `mentions`). */
  mentionNames: readonly string[];
  /** The language the comment is probably written in: the report's. */
  lang?: string;
}

/**
 * A comment's text exactly as written. React puts it into text nodes, so markup, scripts
 * and links in it stay inert characters; only the `@Name`s of mentioned members are
 * emphasised. Line breaks are kept (CSS `pre-wrap`).
 */
export function CommentBody({ body, mentionNames, lang }: CommentBodyProps) {
  const segments = useMemo(() => mentionSegments(body, mentionNames), [body, mentionNames]);
  return (
    <p className="comment__body" lang={lang}>
      {segments.map((segment, index) =>
        segment.mention ? (
          <strong key={index} className="comment__mention">
            {segment.text}
          </strong>
        ) : (
          segment.text
        ),
      )}
    </p>
  );
}
