import type { Highlight } from '@hpen/server/contracts';
import { Fragment } from 'react';

/** The API's segments as text nodes, matches in <mark>: nothing is parsed as HTML. */
export function HighlightedText({ segments }: { segments: Highlight }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>,
      )}
    </>
  );
}
