import {
  conversationCountsSchema,
  conversationDetailSchema,
  createConversationBody,
  createConversationResponse,
  idParams,
  listConversationsQuery,
  listConversationsResponse,
  mergeConversationBody,
  mergeConversationResponse,
  postMessageBody,
  postMessageResponse,
  problemSchema,
  updateConversationBody,
} from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireRole } from '../auth/index.ts';
import { mergeConversations, updateConversation } from './conversation-changes.service.ts';
import {
  countConversations,
  createConversation,
  getConversation,
  listConversations,
  loadViewer,
} from './conversations.service.ts';
import { postAgentMessage } from './messages.service.ts';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema } as const;
const changeProblems = { ...problems, 409: problemSchema, 422: problemSchema } as const;

export function registerConversationRoutes(
  app: FastifyInstance,
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const viewerOf = (principal: Parameters<typeof requireRole>[0]) =>
    loadViewer(deps, requireRole(principal, 'agent'));

  routes.post(
    '/api/v1/conversations',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Open a conversation with the customer’s first message',
        description:
          'Finds the customer by id, email or phone, or creates them. Agents may assign only to themselves and file ' +
          'only under their own teams. Send `Idempotency-Key` to make retries safe.',
        body: createConversationBody,
        response: { 201: createConversationResponse, ...changeProblems },
      },
    },
    async (request, reply) => {
      const viewer = await viewerOf(request.principal);
      return reply.status(201).send(await createConversation(deps, request.body, viewer));
    },
  );

  routes.get(
    '/api/v1/conversations',
    {
      schema: {
        tags: ['conversations'],
        summary: 'List conversations the caller may see, filtered and cursor-paginated',
        querystring: listConversationsQuery,
        response: { 200: listConversationsResponse, ...problems },
      },
    },
    async (request) => listConversations(deps, await viewerOf(request.principal), request.query),
  );

  routes.get(
    '/api/v1/conversations/counts',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Inbox view sizes for the caller',
        response: { 200: conversationCountsSchema, ...problems },
      },
    },
    async (request) => countConversations(deps, await viewerOf(request.principal)),
  );

  routes.get(
    '/api/v1/conversations/:id',
    {
      schema: {
        tags: ['conversations'],
        summary: 'A conversation with its messages and timeline events',
        params: idParams,
        response: { 200: conversationDetailSchema, ...problems },
      },
    },
    async (request) => getConversation(deps, await viewerOf(request.principal), request.params.id),
  );

  routes.patch(
    '/api/v1/conversations/:id',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Change status, priority, team, assignee, tags, language or subject',
        description:
          'Each change is recorded on the timeline. Changing the team, assigning someone else or taking over a ' +
          'colleague’s conversation needs the supervisor role. Closed conversations accept only `tags`; merged ones ' +
          'nothing (409 `conversations.closed` / `conversations.merged`).',
        params: idParams,
        body: updateConversationBody,
        response: { 200: createConversationResponse, ...changeProblems },
      },
    },
    async (request) =>
      updateConversation(deps, await viewerOf(request.principal), request.params.id, request.body),
  );

  routes.post(
    '/api/v1/conversations/:id/messages',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Reply publicly or add an internal note, optionally setting the status in the same step',
        params: idParams,
        body: postMessageBody,
        response: { 201: postMessageResponse, ...changeProblems },
      },
    },
    async (request, reply) => {
      const viewer = await viewerOf(request.principal);
      return reply.status(201).send(await postAgentMessage(deps, viewer, request.params.id, request.body));
    },
  );

  routes.post(
    '/api/v1/conversations/:id/merge',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Merge this conversation into another of the same customer',
        params: idParams,
        body: mergeConversationBody,
        response: { 200: mergeConversationResponse, ...changeProblems },
      },
    },
    async (request) =>
      mergeConversations(
        deps,
        await viewerOf(request.principal),
        request.params.id,
        request.body.targetConversationId,
      ),
  );
}
