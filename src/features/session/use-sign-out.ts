import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiRuntime } from '../../api/runtime';

/** Signs out of every connection and forgets every answer cached for the person. */
export function useSignOut(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    apiRuntime().signOut();
    queryClient.clear();
  }, [queryClient]);
}
