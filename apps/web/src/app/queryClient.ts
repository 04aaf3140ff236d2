import { notifications } from '@mantine/notifications';
import { MutationCache, QueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { ApiError } from '../api/client.ts';
import { describeError } from '../components/errors.ts';

declare module '@tanstack/react-query' {
  interface Register {
    /** `meta.handlesErrors`: the mutation shows its own error next to its form instead of a toast. */
    mutationMeta: { handlesErrors?: boolean };
  }
}

export function createQueryClient() {
  return new QueryClient({
    queryCache: undefined,
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.meta?.handlesErrors) return;
        const description = describeError(i18next.t, error);
        notifications.show({
          color: 'red',
          title: description.title,
          message: description.message,
          autoClose: 8000,
        });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return failureCount < 3;
        },
      },
      // POSTs retry inside the API client with their idempotency key; a second layer would make
      // new keys and could apply an action twice.
      mutations: { retry: false },
    },
  });
}
