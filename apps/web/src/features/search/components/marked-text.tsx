import { markMatches } from '../utils/marked-text';

/** Text with the query's matches in <mark>; rendered as React text, never as HTML. */
export function MarkedText({ text, query }: { text: string; query: string }) {
  return (
    <>
      {markMatches(text, query).map((part, index) =>
        part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}
