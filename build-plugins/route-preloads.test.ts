// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { routes } from '../src/app/router';
import { routeFiles } from './route-preloads';

/** The build reads the route table from router.tsx's text: it must read what the router holds. */
describe('the route table the build reads', () => {
  it('names every route of the router with the file it loads', () => {
    const fromRouter: { path: string; lazy: string }[] = [];
    const walk = (list: RouteObject[], prefix: string) => {
      for (const r of list) {
        const path = r.index
          ? prefix || '/'
          : `${prefix.replace(/\/$/, '')}/${(r.path ?? '').replace(/^\//, '')}`;
        // The router's own import, under the wrapper that turns a failed one into an error page.
        const lazy = r.lazy as (() => unknown) & { imports?: () => unknown };
        if (typeof lazy === 'function') fromRouter.push({ path, lazy: (lazy.imports ?? lazy).toString() });
        if (r.children) walk(r.children, path);
      }
    };
    walk(routes, '');
    const fromSource = routeFiles(readFileSync(join(import.meta.dirname, '../src/app/router.tsx'), 'utf8'));
    expect(fromSource.map((r) => r.path).sort()).toEqual(fromRouter.map((r) => r.path).sort());
    for (const r of fromSource) {
      const lazy = fromRouter.find((x) => x.path === r.path)!.lazy;
      expect(lazy, r.path).toMatch(new RegExp(`routes/${r.module}(\\.tsx)?['"]`));
    }
    expect(fromSource).toContainEqual({ path: '/sign-in', module: 'sign-in' });
    expect(fromSource).toContainEqual({ path: '/', module: 'overview' });
  });
});
