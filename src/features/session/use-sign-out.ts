import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiRuntime } from '../../api/runtime';

/**
 * Signs out of every connection and forgets every answer cached for the person. The vendors' tokens
 * are ended in the background (see ApiRuntime.signOut): nothing waits for them.
 */
export function useSignOut(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void apiRuntime().signOut();
    queryClient.clear();
  }, [queryClient]);
}
