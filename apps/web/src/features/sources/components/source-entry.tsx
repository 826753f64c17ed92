import { isWebAddress, type EntryPiece } from '@kapitel/domain';
import { Fragment } from 'react';

/**
 * A bibliography entry as the PDF sets it (libs/domain `sourceEntry`): the title in italics,
 * the address a link when it is one (a form's preview may show one being typed, or one the
 * server would refuse: words then). Shown in the list of sources, its form's preview and the
 * reading view.
 */
export function SourceEntryText({ pieces }: { pieces: readonly EntryPiece[] }) {
  return (
    <>
      {pieces.map((piece, index) => (
        <Fragment key={index}>
          {piece.kind === 'title' ? (
            <i>{piece.text}</i>
          ) : piece.kind === 'url' && isWebAddress(piece.text) ? (
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
