import { useEffect, useLayoutEffect } from 'react';

export const APP_NAME = 'Backup Console';

/** "Jobs · Backup Console": the page first, so that tabs and the history tell pages apart (WCAG 2.4.2). */
export function documentTitle(page: string | null | undefined): string {
  return page ? `${page} · ${APP_NAME}` : APP_NAME;
}

/** The page's own title, set while the page shows; a page's header refines what its route said. */
export function useDocumentTitle(page: string | null | undefined): void {
  useEffect(() => {
    document.title = documentTitle(page);
  }, [page]);
}

/**
 * The route's title, set before any page effect runs (a layout effect), so that a page still loading
 * already has its route's title and a page header's own title wins over it.
 */
export function useRouteDocumentTitle(page: string | null | undefined, key: string): void {
  useLayoutEffect(() => {
    document.title = documentTitle(page);
  }, [page, key]);
}
