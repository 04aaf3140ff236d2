import type {
  ConversationSummary,
  DeskState,
  FinishVisitBody,
  TransferVisitBody,
  VisitFollowUpBody,
  WaitingVisitEntry,
  WalkInLocation,
  WalkInVisit,
} from '@frontline/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../api/client.ts';
import { conversationKeys } from '../api/conversations.ts';

/** The desk console's calls; every change of the line refreshes them through the board stream. */

const keys = {
  all: ['walk-in'] as const,
  locations: ['walk-in', 'locations'] as const,
  myDesk: ['walk-in', 'my-desk'] as const,
  line: (locationId: string) => ['walk-in', 'line', locationId] as const,
};

export function useLocations() {
  return useQuery({
    queryKey: keys.locations,
    queryFn: ({ signal }) =>
      api.get<{ items: WalkInLocation[] }>('/api/v1/walk-in/locations', undefined, signal),
  });
}

export function useMyDesk() {
  return useQuery({
    queryKey: keys.myDesk,
    queryFn: ({ signal }) =>
      api.get<{ desk: DeskState | null }>('/api/v1/walk-in/my-desk', undefined, signal),
  });
}

export function useLine(locationId: string | null) {
  return useQuery({
    queryKey: keys.line(locationId ?? ''),
    enabled: locationId !== null,
    queryFn: ({ signal }) =>
      api.get<{ items: WaitingVisitEntry[] }>(
        `/api/v1/walk-in/locations/${locationId}/line`,
        undefined,
        signal,
      ),
  });
}

/** Refetches the console's data whenever the location's line changes (the display's stream). */
export function useLineUpdates(locationId: string | null) {
  const client = useQueryClient();
  useEffect(() => {
    if (!locationId) return;
    const source = new EventSource(`/api/v1/public/walk-in/locations/${locationId}/events`);
    source.addEventListener('board', () => void client.invalidateQueries({ queryKey: keys.all }));
    return () => source.close();
  }, [locationId, client]);
}

function useWalkInMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export const useSignIn = () =>
  useWalkInMutation(({ deskId, serviceIds }: { deskId: string; serviceIds: string[] }) =>
    api.post<DeskState>(`/api/v1/walk-in/desks/${deskId}/sign-in`, { serviceIds }),
  );
export const useDeskAction = () =>
  useWalkInMutation(({ deskId, action }: { deskId: string; action: 'call-next' | 'sign-out' }) =>
    api.post<DeskState>(`/api/v1/walk-in/desks/${deskId}/${action}`),
  );
export const useVisitAction = () =>
  useWalkInMutation(({ visitId, action }: { visitId: string; action: 'recall' | 'start' | 'no-show' }) =>
    api.post<WalkInVisit>(`/api/v1/walk-in/visits/${visitId}/${action}`),
  );
export const useFinishVisit = () =>
  useWalkInMutation(({ visitId, body }: { visitId: string; body: FinishVisitBody }) =>
    api.post<WalkInVisit>(`/api/v1/walk-in/visits/${visitId}/finish`, body),
  );
export const useTransferVisit = () =>
  useWalkInMutation(({ visitId, body }: { visitId: string; body: TransferVisitBody }) =>
    api.post<WalkInVisit>(`/api/v1/walk-in/visits/${visitId}/transfer`, body),
  );

/** Says who the visitor is; their history (and the conversation lists) now include the visit. */
export function useAttachVisitCustomer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ visitId, customerId }: { visitId: string; customerId: string }) =>
      api.post<WalkInVisit>(`/api/v1/walk-in/visits/${visitId}/customer`, { customerId }),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: keys.all });
      await client.invalidateQueries({ queryKey: conversationKeys.all });
    },
    meta: { handlesErrors: true },
  });
}

export function useOpenFollowUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ visitId, body }: { visitId: string; body: VisitFollowUpBody }) =>
      api.post<ConversationSummary>(`/api/v1/walk-in/visits/${visitId}/follow-up`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: conversationKeys.all }),
    meta: { handlesErrors: true },
  });
}
