import { Text } from '@mantine/core';
import { peopleWords, saysMore } from '../lib/vendor-words';

/** How the vendor's own word is introduced wherever it is kept beside people's words. */
export const VENDOR_WORD_LABEL = "The service's word";

/**
 * A vendor's word (a state, a reason, an error type) in people's words. The vendor's word stays at
 * hand: in the title, and with `detail` also written beside it (reports, where someone may search
 * the vendor's documentation for it).
 */
export function VendorWord({ word, detail = false }: { word: string; detail?: boolean }) {
  if (!saysMore(word)) return <>{word}</>;
  return (
    <>
      <span title={`${VENDOR_WORD_LABEL}: ${word}`} data-vendor-word={word}>
        {peopleWords(word)}
      </span>
      {detail && (
        <Text span size="xs" c="dimmed">
          {' '}
          ({VENDOR_WORD_LABEL.toLowerCase()}: {word})
        </Text>
      )}
    </>
  );
}
