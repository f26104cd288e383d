import { test as base, expect } from '@playwright/test';

/** Our own `test`: page objects and signed-in states per role are added here as the pages arrive. */
export const test = base.extend({});
export { expect };
