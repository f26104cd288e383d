import { useEffect, useState } from 'react';
import { useStableCallback } from './use-stable-callback';

/** How long typing may pause before the search text goes into the URL. */
export const SEARCH_URL_DELAY_MS = 250;

/**
 * A list's search text: the page filters on it at once, and it goes into the URL (so that the view
 * can be shared) once typing pauses. Writing the URL re-renders every route of the app, which a
 * keystroke on a 10,000-row list cannot afford. A URL that changes from elsewhere (back/forward, a
 * link) replaces the text; the URL catching up with what was typed does not.
 */
export function useSearchText(
  urlValue: string,
  write: (value: string) => void,
  delayMs = SEARCH_URL_DELAY_MS,
): [string, (value: string) => void] {
  const [text, setText] = useState(urlValue);
  const [seenUrl, setSeenUrl] = useState(urlValue);
  const [written, setWritten] = useState<readonly string[]>([]);
  if (urlValue !== seenUrl) {
    setSeenUrl(urlValue);
    if (!written.includes(urlValue)) setText(urlValue);
  }
  // Called when the timer fires, so it writes with the URL as it is then, not as it was.
  const writeLatest = useStableCallback((value: string) => {
    setWritten((w) => [...w.slice(-20), value]);
    write(value);
  });
  useEffect(() => {
    if (text === urlValue) return;
    const timer = setTimeout(() => writeLatest(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, urlValue, writeLatest, delayMs]);
  return [text, setText];
}
