import type { Topic, TopicBody } from '@frontline/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../api/client.ts';

const keys = {
  topics: ['topics'] as const,
  classifier: ['topics', 'classifier'] as const,
};

/** Topics change rarely and every conversation screen needs them (picker, names). */
export function useTopics() {
  return useQuery({
    queryKey: keys.topics,
    queryFn: ({ signal }) => api.get<{ items: Topic[] }>('/api/v1/topics', undefined, signal),
    select: (page) => page.items,
    staleTime: 5 * 60_000,
  });
}

export function useTopicClassifier() {
  return useQuery({
    queryKey: keys.classifier,
    queryFn: ({ signal }) =>
      api.get<{ trainedAt: string | null; exampleCount: number }>(
        '/api/v1/topics/classifier',
        undefined,
        signal,
      ),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['topics'] });
    void queryClient.invalidateQueries({ queryKey: ['conversations'] });
  };
}

export function useSaveTopic() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: TopicBody }) =>
      id
        ? apiRequest<Topic>('PUT', `/api/v1/topics/${id}`, { body })
        : api.post<Topic>('/api/v1/topics', body),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

export function useDeleteTopic() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/api/v1/topics/${id}`),
    onSuccess: invalidate,
  });
}

export function useTrainClassifier() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () =>
      api.post<{ trainedAt: string | null; exampleCount: number }>('/api/v1/topics/classifier/training', {}),
    onSuccess: invalidate,
  });
}
