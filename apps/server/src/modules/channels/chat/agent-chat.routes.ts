import {
  agentAvailabilitySchema,
  agentChatInfoSchema,
  agentReadBody,
  agentTypingBody,
  chatQueueSchema,
  chatSettingsSchema,
  conversationSummarySchema,
  idParams,
  problemSchema,
  updateAvailabilityBody,
  updateChatLimitBody,
  updateChatSettingsBody,
} from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { requireRole } from '../../auth/index.ts';
import {
  claimChat,
  getAvailability,
  getChatInfo,
  getChatQueue,
  markReadByAgent,
  setAgentTyping,
  setAvailability,
  setChatLimit,
} from './agent-chat.service.ts';
import { getChatSettings, updateChatSettings } from './chat-settings.service.ts';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema } as const;

/** The agents' side of live chat: availability, the waiting line, claiming, read and typing. */
export function registerAgentChatRoutes(
  app: FastifyInstance,
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'pool'>,
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/me/availability',
    {
      schema: {
        tags: ['chat'],
        summary: 'My chat availability, limit and current chats',
        response: { 200: agentAvailabilitySchema, ...problems },
      },
    },
    async (request) => getAvailability(deps, requireRole(request.principal, 'agent').agentId),
  );

  routes.put(
    '/api/v1/me/availability',
    {
      schema: {
        tags: ['chat'],
        summary: 'Go online, away or offline for live chat',
        description:
          'The widget offers chat while at least one agent is online; waits are recomputed at once.',
        body: updateAvailabilityBody,
        response: { 200: agentAvailabilitySchema, ...problems },
      },
    },
    async (request) =>
      setAvailability(deps, requireRole(request.principal, 'agent').agentId, request.body.status),
  );

  routes.put(
    '/api/v1/chats/agents/:id/limit',
    {
      schema: {
        tags: ['chat'],
        summary: 'Set how many chats an agent may hold at once (supervisor)',
        params: idParams,
        body: updateChatLimitBody,
        response: { 200: agentAvailabilitySchema, ...problems },
      },
    },
    async (request) => {
      requireRole(request.principal, 'supervisor');
      return setChatLimit(deps, request.params.id, request.body.maxChats);
    },
  );

  routes.get(
    '/api/v1/chats/queue',
    {
      schema: {
        tags: ['chat'],
        summary: 'Chats waiting for an agent, in order, with the agents online',
        response: { 200: chatQueueSchema, ...problems },
      },
    },
    async (request) => getChatQueue(deps, requireRole(request.principal, 'agent')),
  );

  routes.get(
    '/api/v1/chats/settings',
    {
      schema: {
        tags: ['chat'],
        summary: 'Widget settings (admin), including the identity secret',
        response: { 200: chatSettingsSchema, ...problems },
      },
    },
    async (request) => {
      requireRole(request.principal, 'admin');
      return getChatSettings(deps);
    },
  );

  routes.patch(
    '/api/v1/chats/settings',
    {
      schema: {
        tags: ['chat'],
        summary: 'Change widget settings (admin)',
        body: updateChatSettingsBody,
        response: { 200: chatSettingsSchema, ...problems, 422: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'admin');
      return updateChatSettings(deps, request.body);
    },
  );

  routes.get(
    '/api/v1/chats/:id',
    {
      schema: {
        tags: ['chat'],
        summary: 'The chat side of a conversation: the visitor, their page, read state',
        params: idParams,
        response: { 200: agentChatInfoSchema, ...problems },
      },
    },
    async (request) => getChatInfo(deps, requireRole(request.principal, 'agent'), request.params.id),
  );

  routes.post(
    '/api/v1/chats/:id/claim',
    {
      schema: {
        tags: ['chat'],
        summary: 'Take a waiting chat',
        description:
          '409 `chat.already_claimed` when another agent was first; 409 `chat.limit_reached` at the agent’s concurrent-chat limit.',
        params: idParams,
        response: { 200: conversationSummarySchema, ...problems, 409: problemSchema },
      },
    },
    async (request) => claimChat(deps, requireRole(request.principal, 'agent'), request.params.id),
  );

  routes.post(
    '/api/v1/chats/:id/read',
    {
      schema: {
        tags: ['chat'],
        summary: 'Mark the chat read up to a message; the visitor sees it',
        params: idParams,
        body: agentReadBody,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await markReadByAgent(
        deps,
        requireRole(request.principal, 'agent'),
        request.params.id,
        request.body.messageId,
      );
      return reply.status(204).send(null);
    },
  );

  routes.post(
    '/api/v1/chats/:id/typing',
    {
      schema: {
        tags: ['chat'],
        summary:
          'Tell the visitor the agent is typing (send every few seconds while typing, and false when done)',
        params: idParams,
        body: agentTypingBody,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await setAgentTyping(
        deps,
        requireRole(request.principal, 'agent'),
        request.params.id,
        request.body.isTyping,
      );
      return reply.status(204).send(null);
    },
  );
}
