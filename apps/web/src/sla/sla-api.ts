import type {
  BusinessCalendarBody,
  BusinessCalendarDto,
  CreateSlaPolicyBody,
  SlaPolicy,
  UpdateSlaPolicyBody,
} from '@frontline/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../api/client.ts';

const keys = {
  policies: ['sla', 'policies'] as const,
  calendars: ['sla', 'calendars'] as const,
};

export function useSlaPolicies() {
  return useQuery({
    queryKey: keys.policies,
    queryFn: ({ signal }) => api.get<{ items: SlaPolicy[] }>('/api/v1/sla-policies', undefined, signal),
    select: (page) => page.items,
  });
}

export function useBusinessCalendars() {
  return useQuery({
    queryKey: keys.calendars,
    queryFn: ({ signal }) =>
      api.get<{ items: BusinessCalendarDto[] }>('/api/v1/business-calendars', undefined, signal),
    select: (page) => page.items,
  });
}

/** Policy changes re-match the open conversations, so their lists are refreshed too. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['sla'] });
    void queryClient.invalidateQueries({ queryKey: ['conversations'] });
  };
}

export function useSavePolicy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateSlaPolicyBody | UpdateSlaPolicyBody }) =>
      id
        ? api.patch<SlaPolicy>(`/api/v1/sla-policies/${id}`, body)
        : api.post<SlaPolicy>('/api/v1/sla-policies', body),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

export function useDeletePolicy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/api/v1/sla-policies/${id}`),
    onSuccess: invalidate,
  });
}

export function useSaveCalendar() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: BusinessCalendarBody }) =>
      id
        ? apiRequest<BusinessCalendarDto>('PUT', `/api/v1/business-calendars/${id}`, { body })
        : api.post<BusinessCalendarDto>('/api/v1/business-calendars', body),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

export function useDeleteCalendar() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/api/v1/business-calendars/${id}`),
    onSuccess: invalidate,
  });
}
