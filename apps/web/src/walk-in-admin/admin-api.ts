import type {
  CreateDeskBody,
  CreateLocationBody,
  CreateServiceBody,
  UpdateLocationBody,
  UpdateServiceBody,
  WalkInDesk,
  WalkInLocation,
  WalkInReportQuery,
  WalkInReportRow,
  WalkInService,
} from '@frontline/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../api/client.ts';
import type { WalkInAdminTextKey } from './texts.ts';

/**
 * The setup and report screens' calls. They share the desk console's `walk-in` query keys, so a
 * change made here refreshes the console's locations too.
 */
const keys = {
  all: ['walk-in'] as const,
  locations: ['walk-in', 'locations'] as const,
  report: (locationId: string, query: WalkInReportQuery) => ['walk-in', 'report', locationId, query] as const,
};

export function useWalkInLocations() {
  return useQuery({
    queryKey: keys.locations,
    queryFn: ({ signal }) =>
      api.get<{ items: WalkInLocation[] }>('/api/v1/walk-in/locations', undefined, signal),
    select: (response) => response.items,
  });
}

function useSetupMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
    // Each form shows the server's answer at the field it concerns.
    meta: { handlesErrors: true },
  });
}

export const useSaveLocation = () =>
  useSetupMutation(({ id, body }: { id?: string; body: CreateLocationBody | UpdateLocationBody }) =>
    id
      ? api.patch<WalkInLocation>(`/api/v1/walk-in/locations/${id}`, body)
      : api.post<WalkInLocation>('/api/v1/walk-in/locations', body),
  );

export const useSaveService = () =>
  useSetupMutation(
    ({
      locationId,
      id,
      body,
    }: {
      locationId: string;
      id?: string;
      body: CreateServiceBody | UpdateServiceBody;
    }) =>
      id
        ? api.patch<WalkInService>(`/api/v1/walk-in/services/${id}`, body)
        : api.post<WalkInService>(`/api/v1/walk-in/locations/${locationId}/services`, body),
  );

export const useAddDesk = () =>
  useSetupMutation(({ locationId, body }: { locationId: string; body: CreateDeskBody }) =>
    api.post<WalkInDesk>(`/api/v1/walk-in/locations/${locationId}/desks`, body),
  );

export const useRenameDesk = () =>
  useSetupMutation(({ id, body }: { id: string; body: CreateDeskBody }) =>
    api.patch<WalkInDesk>(`/api/v1/walk-in/desks/${id}`, body),
  );

export const useRemoveDesk = () =>
  useSetupMutation((id: string) => api.delete<undefined>(`/api/v1/walk-in/desks/${id}`));

export function useWalkInReport(locationId: string | null, query: WalkInReportQuery) {
  return useQuery({
    queryKey: keys.report(locationId ?? '', query),
    enabled: locationId !== null,
    queryFn: ({ signal }) =>
      api.get<{ items: WalkInReportRow[] }>(
        `/api/v1/walk-in/locations/${locationId}/report`,
        { ...query },
        signal,
      ),
    select: (response) => response.items,
  });
}

/** Error codes the server answers for one field, with the text shown under that field. */
const fieldOfCode: Record<string, { field: string; text: WalkInAdminTextKey }> = {
  'walk_in.prefix_taken': { field: 'prefix', text: 'errorPrefixTaken' },
  'walk_in.desk_name_taken': { field: 'name', text: 'errorDeskTaken' },
  'walk_in.invalid_time_zone': { field: 'timeZone', text: 'errorTimeZone' },
};

/**
 * A server error as messages per form field: a known code names its field; a validation error's
 * paths (`body.names.lt`, `body.prefix`) name theirs. `form` holds what belongs to no field.
 */
export function fieldErrorsOf(
  error: unknown,
  text: (key: WalkInAdminTextKey) => string,
): Record<string, string> & { form?: string } {
  if (!(error instanceof ApiError)) return {};
  const known = fieldOfCode[error.code];
  if (known) return { [known.field]: text(known.text) };
  if (error.code === 'walk_in.invalid_opening_hours') return { openingHours: error.message };
  if (error.code === 'walk_in.desk_in_use') return { form: text('errorDeskInUse') };
  const fields: Record<string, string> = {};
  for (const fieldError of error.problem?.errors ?? []) {
    const field = fieldError.path.replace(/^body\./, '');
    fields[field] = fieldError.message;
  }
  return Object.keys(fields).length > 0 ? fields : { form: error.message };
}
