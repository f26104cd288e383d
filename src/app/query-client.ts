import { QueryClient } from '@tanstack/react-query';

/** The one QueryClient of the console; src/api/query-client.ts configures it once it lands. */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1 }, mutations: { retry: false } },
});
