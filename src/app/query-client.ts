import { createQueryClient } from '../api/query-client';

/** The one QueryClient of the console (retry, error type and mutation errors: src/api/query-client.ts). */
export const queryClient = createQueryClient();
