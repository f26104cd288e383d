import { useState } from 'react';
import { NavigationType, useLocation, useNavigationType } from 'react-router';

/**
 * A key that changes only when the URL changes from outside the page (back/forward, a link), not
 * when the page itself replaces its search params as a person types. Give it as `key` to an
 * uncontrolled search box: typing stays instant and never loses a character to a URL catching up,
 * while back/forward still shows the URL's text.
 */
export function useOutsideNavigationKey(): string {
  const location = useLocation();
  const type = useNavigationType();
  const [key, setKey] = useState(location.key);
  if (type !== NavigationType.Replace && location.key !== key) setKey(location.key);
  return key;
}
