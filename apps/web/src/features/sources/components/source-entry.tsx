import type { EntryPiece } from '@kapitel/domain';
import { Fragment } from 'react';

/**
 * A bibliography entry as the PDF sets it (libs/domain `sourceEntry`): the title in italics,
 * the address a link. Shown in the list of sources, its form's preview and the reading view.
 */
export function SourceEntryText({ pieces }: { pieces: readonly EntryPiece[] }) {
  return (
    <>
      {pieces.map((piece, index) => (
        <Fragment key={index}>
          {piece.kind === 'title' ? (
            <i>{piece.text}</i>
          ) : piece.kind === 'url' ? (
            <a href={piece.text} className="source-entry__url" rel="noopener noreferrer nofollow">
              {piece.text}
            </a>
          ) : (
            piece.text
          )}
        </Fragment>
      ))}
    </>
  );
}
