import { z } from 'zod';
import { isoDateTime, uuid } from './common.ts';
import { conversationSort, listConversationsQuery } from './conversations.ts';

const filterValue = z.string().trim().min(1).max(200);

/**
 * A saved view's filters: the inbox's query string as an object, in the same words as
 * `GET /api/v1/conversations` (`{"status": "new,open", "assignee": "me", "tag": "refund"}`).
 * Each must be valid there.
 */
export const savedViewFiltersSchema = z
  .strictObject({
    status: filterValue.optional(),
    priority: filterValue.optional(),
    channel: filterValue.optional(),
    team: filterValue.optional(),
    assignee: filterValue.optional(),
    customer: filterValue.optional(),
    tag: filterValue.optional(),
    topic: filterValue.optional(),
    language: filterValue.optional(),
    text: filterValue.optional(),
    sla: z.enum(['at_risk', 'breached']).optional(),
    sort: conversationSort.optional(),
  })
  .superRefine((filters, context) => {
    const parsed = listConversationsQuery.safeParse(filters);
    if (parsed.success) return;
    for (const issue of parsed.error.issues)
      context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  });
export type SavedViewFilters = z.infer<typeof savedViewFiltersSchema>;

export const savedViewSchema = z
  .object({
    id: uuid,
    name: z.string(),
    filters: z.record(z.string(), z.string()),
    /** Shared with this team's members (they see it; only the owner changes it); null: private. */
    teamId: uuid.nullable(),
    owner: z.object({ id: uuid, name: z.string() }),
    /** Whether the caller owns it (may rename, change, share or delete it). */
    isOwn: z.boolean(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'SavedView' });
export type SavedView = z.infer<typeof savedViewSchema>;

const savedViewName = z.string().trim().min(1).max(100);

export const createSavedViewBody = z.strictObject({
  name: savedViewName,
  filters: savedViewFiltersSchema,
  teamId: uuid.nullable().default(null),
});
export type CreateSavedViewBody = z.input<typeof createSavedViewBody>;

export const updateSavedViewBody = z.strictObject({
  name: savedViewName.optional(),
  filters: savedViewFiltersSchema.optional(),
  teamId: uuid.nullable().optional(),
});
export type UpdateSavedViewBody = z.input<typeof updateSavedViewBody>;

export const savedViewListResponse = z.object({ items: z.array(savedViewSchema) });

/** How many conversations each view holds; counted up to `countLimit`, beyond that `isCapped`. */
export const savedViewCountsResponse = z.object({
  countLimit: z.number().int(),
  items: z.array(z.object({ id: uuid, count: z.number().int(), isCapped: z.boolean() })),
});
export type SavedViewCounts = z.infer<typeof savedViewCountsResponse>;
