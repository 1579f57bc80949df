import { QueryClient, useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, topicsOf, touches, type ApiEvent, type Input, type Method, type Output, type Topic } from '../../src-shared/api';
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

/**
 * `changed` events name the topics a write changed (declared in the contract); every query whose
 * method reads one of them refreshes.
 */
export function useApiEvents(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      onApiEvent((event) => {
        if (event.type !== 'changed') return;
        void client.invalidateQueries({ predicate: (query) => dependsOn(query.queryKey[0], event.topics) });
      }),
    [client],
  );
}

const dependsOn = (method: unknown, changed: readonly Topic[]) =>
  typeof method === 'string' && Object.hasOwn(api, method) && touches(topicsOf(method as Method), changed);

/** Latest progress event of long jobs (imports), for progress bars. */
export function useProgress(): Extract<ApiEvent, { type: 'progress' }> | null {
  const [progress, setProgress] = useState<Extract<ApiEvent, { type: 'progress' }> | null>(null);
  useEffect(() => onApiEvent((event) => event.type === 'progress' && setProgress(event)), []);
  return progress;
}
