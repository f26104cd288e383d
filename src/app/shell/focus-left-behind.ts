import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After a move to another page, focus that was left nowhere goes to the new page's main content
 * (`#main-content`, the skip link's target), where a keyboard or a screen reader goes on from. It is
 * left nowhere when what had it went with the old page: a dialog that opened the new page, a wizard's
 * Start. Focus that is somewhere (a navigation link clicked) stays where it is.
 */
export function useFocusLeftBehind(): void {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    // After the frame: a dialog closing with the old page gives up its focus as it goes.
    const frame = requestAnimationFrame(() => {
      const focused = document.activeElement;
      if (focused === null || focused === document.body)
        document.getElementById('main-content')?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}
