import type {
  ConversationDetail,
  ConversationSummary,
  CreateConversationBody,
  ListConversationsQuery,
} from '@frontline/contracts';
import type { Queryable } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { badRequest } from '../../platform/errors.ts';
import type { Principal } from '../../platform/http.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { publishChange } from '../../platform/realtime.ts';
import { findTeamIdsOfAgent, isActiveAgent, teamExists } from '../agents/index.ts';
import { resolveCustomer } from '../customers/index.ts';
import { recomputeConversationSla } from '../sla/index.ts';
import { findSuggestionOf, findTopicSuggestionOf, triageArrival } from '../triage/index.ts';
import { assertMayReassign, canSeeConversation, type Viewer } from './conversation-access.ts';
import { toConversationSummaryDto, toEventDto, toMessageDto } from './conversations.dto.ts';
import { conversationNotFound, unknownAssignee, unknownTeam } from './conversations.errors.ts';
import {
  countConversationViews,
  findConversationSummary,
  listConversationSummaries,
} from './conversations.queries.ts';
import {
  addTags,
  findEventsOf,
  findMessagesOf,
  insertConversation,
  insertEvents,
  insertMessage,
} from './conversations.repository.ts';

/** The caller as the visibility rule needs them: role and current team memberships. */
export async function loadViewer(deps: Pick<Deps, 'db'>, principal: Principal): Promise<Viewer> {
  return {
    agentId: principal.agentId,
    role: principal.role,
    teamIds: await findTeamIdsOfAgent(deps.db, principal.agentId),
  };
}

/** A summary as the viewer may see it; 404 for missing and for invisible alike. */
export async function loadVisibleSummary(db: Queryable, viewer: Viewer, id: string) {
  const row = await findConversationSummary(db, id);
  if (!row || !canSeeConversation(viewer, { teamId: row.team_id, assigneeId: row.assignee_id })) {
    throw conversationNotFound();
  }
  return row;
}

/** 404 unless the viewer may see the conversation (for other modules' per-conversation routes). */
export async function assertConversationVisible(deps: Pick<Deps, 'db'>, viewer: Viewer, id: string) {
  await loadVisibleSummary(deps.db, viewer, id);
}

/** 422 naming the field when a team or assignee does not exist (or the agent is deactivated). */
export async function assertPlacementExists(
  db: Queryable,
  placement: { teamId?: string | null; assigneeId?: string | null },
) {
  if (placement.teamId && !(await teamExists(db, placement.teamId))) throw unknownTeam();
  if (placement.assigneeId && !(await isActiveAgent(db, placement.assigneeId))) throw unknownAssignee();
}

export type CreateConversationInput = Omit<CreateConversationBody, 'channel' | 'tags' | 'message'> &
  Partial<Pick<CreateConversationBody, 'channel' | 'tags'>> & {
    /**
     * For channel adapters also the channel's own id of the first message (a chat client message
     * id, a form submission id): a second create with the same channel and id fails on the unique
     * `messages_external_id_key`, so the adapter can answer with the conversation already made.
     */
    message: {
      body: string;
      bodyHtml?: string | null;
      externalId?: string;
      metadata?: Record<string, unknown>;
    };
    /**
     * `language` is only the page's or widget's language, not one the customer chose: the language
     * detected in their message replaces it.
     */
    isLanguageGuessed?: boolean;
    /** The conversation this one follows up (a visit's, a closed one's); it records the link too. */
    followUpOfId?: string;
  };

/**
 * Opens a conversation with the customer's first message: finds or creates the customer, files
 * it (team, assignee, tags), records `created`, and announces it. `createdBy` is the agent acting
 * through the API, whose reassignment rights apply; without one (demo seed, bench, channel
 * adapters) the system creates it.
 *
 * @example
 * await createConversation(deps, { customer: { email: 'ona@example.lt', name: 'Ona' }, subject: 'Siuntinys', message: { body: 'Kur mano siuntinys?' } });
 */
export async function createConversation(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: CreateConversationInput,
  createdBy?: Viewer,
): Promise<ConversationSummary> {
  const placement = { teamId: input.teamId ?? null, assigneeId: input.assigneeId ?? null };
  if (createdBy) {
    assertMayReassign(createdBy, { teamId: null, assigneeId: null }, placement, { isCreation: true });
  }
  const now = deps.clock.now();
  const channel = input.channel ?? 'api';
  return deps.db.transaction().execute(async (tx) => {
    await assertPlacementExists(tx, placement);
    const customer = await resolveCustomer(tx, input.customer, deps.config);
    const conversation = await insertConversation(tx, {
      customer_id: customer.id,
      subject: input.subject,
      priority: input.priority ?? 'normal',
      channel,
      language: input.language ?? null,
      team_id: placement.teamId,
      assignee_id: placement.assigneeId,
      created_at: now,
      updated_at: now,
      last_message_at: now,
      waiting_since: now,
      follow_up_of_id: input.followUpOfId ?? null,
    });
    const message = await insertMessage(tx, {
      conversation_id: conversation.id,
      channel,
      direction: 'inbound',
      author_type: 'customer',
      author_customer_id: customer.id,
      visibility: 'public',
      body_text: input.message.body,
      body_html: input.message.bodyHtml ?? null,
      external_id: input.message.externalId ?? null,
      metadata: JSON.stringify(input.message.metadata ?? {}),
      created_at: now,
    });
    // A walk-in's first message is our description of the ticket, not the customer's words.
    if (channel !== 'walk_in') {
      const body = input.message.body;
      await triageArrival(tx, {
        conversationId: conversation.id,
        messageId: message.id,
        text: input.subject && !body.startsWith(input.subject) ? `${input.subject}\n${body}` : body,
        now,
        isFirstMessage: true,
        replacesLanguage: input.language === undefined || input.isLanguageGuessed === true,
      });
    }
    await addTags(tx, conversation.id, [...new Set(input.tags ?? [])]);
    await insertEvents(tx, [
      {
        conversation_id: conversation.id,
        type: 'created',
        actor_type: createdBy ? 'agent' : 'system',
        actor_agent_id: createdBy?.agentId ?? null,
        data: { channel, ...placement, ...(input.followUpOfId ? { followUpOfId: input.followUpOfId } : {}) },
      },
      ...(input.followUpOfId
        ? [
            {
              conversation_id: input.followUpOfId,
              type: 'follow_up_opened',
              actor_type: createdBy ? ('agent' as const) : ('system' as const),
              actor_agent_id: createdBy?.agentId ?? null,
              data: { followUpId: conversation.id },
            },
          ]
        : []),
    ]);
    await recomputeConversationSla(tx, conversation.id, now);
    await publishChange(tx, { type: 'conversation.created', conversationId: conversation.id });
    if (input.followUpOfId)
      await publishChange(tx, { type: 'conversation.updated', conversationId: input.followUpOfId });
    const row = await findConversationSummary(tx, conversation.id);
    return toConversationSummaryDto(row!, now);
  });
}

export async function getConversation(
  deps: Pick<Deps, 'db' | 'clock'>,
  viewer: Viewer,
  id: string,
): Promise<ConversationDetail> {
  const row = await loadVisibleSummary(deps.db, viewer, id);
  const [messages, events, triage, topicSuggestion] = await Promise.all([
    findMessagesOf(deps.db, id),
    findEventsOf(deps.db, id),
    findSuggestionOf(deps.db, id),
    findTopicSuggestionOf(deps.db, id),
  ]);
  return {
    ...toConversationSummaryDto(row, deps.clock.now()),
    messages: messages.map(toMessageDto),
    events: events.map(toEventDto),
    triage,
    topicSuggestion,
  };
}

const sortKeyPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A cursor is only good for the sort it was made for; anything else starts over with 400. */
function readCursor(cursor: string | undefined, sort: ListConversationsQuery['sort']) {
  const position = decodeCursor(cursor, { sort: 'string', at: 'string', id: 'string' });
  if (!position) return undefined;
  if (position.sort !== sort || !sortKeyPattern.test(position.at) || !uuidPattern.test(position.id)) {
    throw badRequest('request.bad_cursor', 'The cursor is not valid; start again from the first page');
  }
  return { at: position.at, id: position.id };
}

export async function listConversations(
  deps: Pick<Deps, 'db' | 'clock'>,
  viewer: Viewer,
  query: ListConversationsQuery,
) {
  const after = readCursor(query.cursor, query.sort);
  const now = deps.clock.now();
  const rows = await listConversationSummaries(deps.db, {
    viewer,
    statuses: query.status,
    priorities: query.priority,
    channels: query.channel,
    teamId: query.team === 'none' ? null : query.team === 'mine' ? { anyOf: viewer.teamIds } : query.team,
    assigneeId: query.assignee === 'none' ? null : query.assignee === 'me' ? viewer.agentId : query.assignee,
    customerId: query.customer,
    tag: query.tag,
    topic: query.topic,
    language: query.language,
    text: query.text,
    sla: query.sla ? { state: query.sla, now } : undefined,
    sort: query.sort,
    limit: query.limit,
    after,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toConversationSummaryDto(row, now)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ sort: query.sort, at: last.sort_key, id: last.id })
        : null,
  };
}

export async function countConversations(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer) {
  const counts = await countConversationViews(deps.db, viewer, deps.clock.now());
  return {
    mine: counts.mine,
    unassigned: counts.unassigned,
    myTeams: counts.my_teams,
    allOpen: counts.all_open,
    pending: counts.pending,
    onHold: counts.on_hold,
    solved: counts.solved,
    atRisk: counts.at_risk,
    breached: counts.breached,
  };
}
