import {
  idParams,
  problemSchema,
  topicBody,
  topicListResponse,
  topicModelStatusSchema,
  topicSchema,
} from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requireRole } from '../auth/index.ts';
import {
  createTopic,
  deleteTopic,
  findTopicModelStatus,
  listTopics,
  trainTopicClassifier,
  updateTopic,
} from './topics.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Topics: everyone signed in reads them (the topic picker); admins define them. */
export function registerTopicRoutes(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock'>) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/topics',
    {
      schema: {
        tags: ['triage'],
        summary: 'Topics',
        response: { 200: topicListResponse, 401: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'agent');
      return listTopics(deps);
    },
  );
  routes.post(
    '/api/v1/topics',
    {
      schema: {
        tags: ['triage'],
        summary: 'Add a topic with keyword rules per language (admin)',
        body: topicBody,
        response: { 201: topicSchema, ...errors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      requireRole(request.principal, 'admin');
      return reply.status(201).send(await createTopic(deps, request.body));
    },
  );
  routes.put(
    '/api/v1/topics/:id',
    {
      schema: {
        tags: ['triage'],
        summary: 'Replace a topic (admin)',
        params: idParams,
        body: topicBody,
        response: { 200: topicSchema, ...errors, 409: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'admin');
      return updateTopic(deps, request.params.id, request.body);
    },
  );
  routes.delete(
    '/api/v1/topics/:id',
    {
      schema: {
        tags: ['triage'],
        summary: 'Delete a topic; conversations lose it (admin)',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requireRole(request.principal, 'admin');
      await deleteTopic(deps, request.params.id);
      return reply.status(204).send(null);
    },
  );
  routes.get(
    '/api/v1/topics/classifier',
    {
      schema: {
        tags: ['triage'],
        summary: 'When the topic classifier was trained, on how many conversations (admin)',
        response: { 200: topicModelStatusSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'admin');
      return findTopicModelStatus(deps);
    },
  );
  routes.post(
    '/api/v1/topics/classifier/training',
    {
      schema: {
        tags: ['triage'],
        summary: 'Retrain the topic classifier now (admin)',
        response: { 200: topicModelStatusSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.principal, 'admin');
      await trainTopicClassifier(deps, { force: true });
      return findTopicModelStatus(deps);
    },
  );
}
