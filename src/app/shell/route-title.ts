import { useLocation, useMatches } from 'react-router';
import { useRouteDocumentTitle } from '../../components/document-title';

/** What src/app/router.tsx puts in each page's `handle`. */
export interface RouteTitle {
  title: string;
}

function isRouteTitle(handle: unknown): handle is RouteTitle {
  return typeof handle === 'object' && handle !== null && typeof (handle as RouteTitle).title === 'string';
}

/** The document title of the route in view, until its page header names what it shows. */
export function useRouteTitle(): void {
  const title = useMatches()
    .map((m) => m.handle)
    .filter(isRouteTitle)
    .at(-1)?.title;
  useRouteDocumentTitle(title, useLocation().pathname);
}
