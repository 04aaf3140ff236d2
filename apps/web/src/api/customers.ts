import type { CreateCustomerBody, Customer, UpdateCustomerBody } from '@frontline/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { conversationKeys } from './conversations.ts';

type CustomerPage = { items: Customer[]; nextCursor: string | null };

export const customerKeys = {
  all: ['customers'] as const,
  search: (query: string) => ['customers', 'search', query] as const,
  detail: (id: string) => ['customer', id] as const,
};

/** `q` is matched against names; something that looks like an address or a number is looked up exactly. */
function searchParams(query: string) {
  const text = query.trim();
  if (!text) return {};
  if (text.includes('@')) return { email: text };
  if (/^\+?[\d\s()-]{6,}$/.test(text)) return { phone: text };
  return { q: text };
}

export function useCustomerSearch(query: string) {
  return useInfiniteQuery({
    queryKey: customerKeys.search(query.trim()),
    queryFn: ({ pageParam, signal }) =>
      api.get<CustomerPage>(
        '/api/v1/customers',
        { ...searchParams(query), limit: 25, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useCustomer(id: string | undefined) {
  return useQuery({
    queryKey: customerKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<Customer>(`/api/v1/customers/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCustomerBody) => api.post<Customer>('/api/v1/customers', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: customerKeys.all }),
    meta: { handlesErrors: true },
  });
}

export function useUpdateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateCustomerBody }) =>
      api.patch<Customer>(`/api/v1/customers/${id}`, changes),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      // Conversation rows carry the customer's name.
      void queryClient.invalidateQueries({ queryKey: conversationKeys.all });
    },
    meta: { handlesErrors: true },
  });
}

export function useMergeCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ targetId, sourceCustomerId }: { targetId: string; sourceCustomerId: string }) =>
      api.post<Customer>(`/api/v1/customers/${targetId}/merge`, { sourceCustomerId }),
    onSuccess: (customer, input) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      queryClient.removeQueries({ queryKey: customerKeys.detail(input.sourceCustomerId) });
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      void queryClient.invalidateQueries({ queryKey: conversationKeys.all });
    },
    meta: { handlesErrors: true },
  });
}
