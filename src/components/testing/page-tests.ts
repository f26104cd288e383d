/* Tests only: one page test per test, unmounted and closed after it. */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import type { Role } from '../../api/domain';
import type { PageTest } from './page-test';
import { startPageTest } from './page-test';

/** Call at the top of a test file: returns `start(role)`, whose page test ends with each test. */
export function pageTestPerTest(): (role: Role) => Promise<PageTest> {
  let page: PageTest | null = null;
  afterEach(() => {
    cleanup();
    page?.close();
    page = null;
  });
  return async (role) => (page = await startPageTest(role));
}
