import { QueryClient, useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ApiEvent, Input, Method, Output } from '../../src-shared/api';
import { call, onApiEvent, type ApiCallError } from './client';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: false } },
});

export function useApi<M extends Method>(
  method: M,
  input: Input<M>,
  options: Omit<UseQueryOptions<Output<M>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Output<M>, ApiCallError>({ queryKey: [method, input], queryFn: () => call(method, input), ...options });
}

export function useApiMutation<M extends Method>(method: M) {
  return useMutation<Output<M>, ApiCallError, Input<M>>({ mutationFn: (input) => call(method, input) });
}

/** `changed` events from the main process invalidate the queries of the areas they name. */
export function useApiEvents(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      onApiEvent((event) => {
        if (event.type !== 'changed') return;
        const all = event.areas.includes('*');
        void client.invalidateQueries({
          predicate: (query) => all || event.areas.some((area) => String(query.queryKey[0]).startsWith(`${area}.`)),
        });
      }),
    [client],
  );
}

/** Latest progress event of long jobs (imports), for progress bars. */
export function useProgress(): Extract<ApiEvent, { type: 'progress' }> | null {
  const [progress, setProgress] = useState<Extract<ApiEvent, { type: 'progress' }> | null>(null);
  useEffect(() => onApiEvent((event) => event.type === 'progress' && setProgress(event)), []);
  return progress;
}
