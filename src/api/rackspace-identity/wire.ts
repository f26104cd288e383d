import { z } from '../contract/zod';

/**
 * Rackspace Identity v2.0 (`POST /v2.0/tokens`), shared by both Rackspace dialects: the reference
 * service validates sign-ins with these schemas and the console's adapters parse the answer with them.
 */

export const passwordCredentialsSchema = z.object({
  username: z.string().check(z.minLength(1, 'username is required')),
  password: z.string().check(z.minLength(1, 'password is required')),
});

export const apiKeyCredentialsSchema = z.object({
  username: z.string().check(z.minLength(1, 'username is required')),
  apiKey: z.string().check(z.minLength(1, 'apiKey is required')),
});

/** Either password or API-key credentials; `tenantId`/`tenantName` are optional scoping hints. */
export const identityRequestSchema = z.object({
  auth: z
    .object({
      passwordCredentials: z.optional(passwordCredentialsSchema),
      'RAX-KSKEY:apiKeyCredentials': z.optional(apiKeyCredentialsSchema),
      tenantId: z.optional(z.string()),
      tenantName: z.optional(z.string()),
    })
    .check(
      z.refine((a) => (a.passwordCredentials ? 1 : 0) + (a['RAX-KSKEY:apiKeyCredentials'] ? 1 : 0) === 1, {
        message: 'auth needs exactly one of passwordCredentials or RAX-KSKEY:apiKeyCredentials',
      }),
    ),
});
export type IdentityRequest = z.infer<typeof identityRequestSchema>;

export const identityRoleSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  tenantId: z.optional(z.string()),
});
export type IdentityRole = z.infer<typeof identityRoleSchema>;

export const catalogEndpointSchema = z.object({
  region: z.optional(z.string()),
  tenantId: z.string(),
  publicURL: z.string(),
  internalURL: z.optional(z.string()),
});
export type CatalogEndpoint = z.infer<typeof catalogEndpointSchema>;

export const catalogEntrySchema = z.object({
  name: z.string(),
  type: z.string(),
  endpoints: z.array(catalogEndpointSchema),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

export const identityAnswerSchema = z.object({
  access: z.object({
    token: z.object({
      id: z.string(),
      /** ISO-8601. */
      expires: z.string(),
      tenant: z.object({ id: z.string(), name: z.string() }),
      'RAX-AUTH:authenticatedBy': z.optional(z.array(z.string())),
    }),
    serviceCatalog: z.array(catalogEntrySchema),
    user: z.object({
      id: z.string(),
      name: z.string(),
      roles: z.array(identityRoleSchema),
      'RAX-AUTH:defaultRegion': z.optional(z.string()),
    }),
  }),
});
export type IdentityAnswer = z.infer<typeof identityAnswerSchema>;

/** Picks the endpoint of a service catalog by type `rax:backup`, region and API version. */
export function findBackupEndpoint(
  catalog: readonly CatalogEntry[],
  region: string,
  version: 'v1.0' | 'v2',
): CatalogEndpoint | undefined {
  for (const entry of catalog) {
    if (entry.type !== 'rax:backup') continue;
    for (const ep of entry.endpoints) {
      if ((ep.region ?? '').toUpperCase() === region.toUpperCase() && ep.publicURL.includes(`/${version}/`))
        return ep;
    }
  }
  return undefined;
}
