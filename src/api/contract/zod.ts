import { z } from 'zod/mini';

/**
 * The one zod of the console and the service: `zod/mini`, the functional API (`z.optional(s)`,
 * `s.check(z.minLength(1))`, `z.pipe(s, z.transform(fn))`), which tree-shakes to what the schemas use
 * and builds a schema without binding methods onto it. Every schema is made with the `z` of this
 * module, so that importing any schema also sets the messages: `zod/mini` ships no locale and would
 * say only "Invalid input", where people read a parse failure's message (`parseAnswer` in ../http.ts)
 * and the service's 400 answers name the field and the reason. Types alone may come from 'zod/mini'.
 */
z.config(z.locales.en());

export { z };
