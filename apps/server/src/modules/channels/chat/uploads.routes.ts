import { createReadStream } from 'node:fs';
import { idParams, problemSchema, uploadResponseSchema } from '@frontline/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { maxUploadBytes } from '../../attachments/index.ts';
import { requireRole } from '../../auth/index.ts';
import { requireVisitor } from './public-chat.routes.ts';
import { openSignedUpload, openUploadForAgent, storeUpload, type UploadFile } from './uploads.service.ts';

type UploadDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'pool'>;

const uploadProblems = {
  400: problemSchema,
  401: problemSchema,
  413: problemSchema,
  415: problemSchema,
} as const;

/**
 * Serves a stored file so that it can never run as a page of ours: the detected type, `nosniff`,
 * a sandboxing CSP, and only images inline (everything else downloads).
 */
function sendFile(reply: FastifyReply, file: UploadFile) {
  const disposition = file.contentType.startsWith('image/') ? 'inline' : 'attachment';
  return reply
    .type(file.contentType)
    .header('content-length', String(file.sizeBytes))
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('cache-control', 'private, max-age=31536000, immutable')
    .send(createReadStream(file.path));
}

/** Raw file uploads (the body is the file; `X-File-Name` its URI-encoded name) and downloads. */
export function registerUploadRoutes(app: FastifyInstance, deps: UploadDeps) {
  app.register(async (scope) => {
    // Any content type arrives as bytes here; what it really is gets decided by its content.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: maxUploadBytes },
      (_request, body, done) => done(null, body),
    );
    const routes = scope.withTypeProvider<ZodTypeProvider>();
    const fileName = (header: string | string[] | undefined) =>
      typeof header === 'string' ? header : undefined;

    routes.post(
      '/api/v1/public/chat/uploads',
      {
        config: { rateLimit: { max: 30, timeWindow: '10 minutes' } },
        schema: {
          tags: ['chat (public)'],
          summary: 'Upload a file to send in the chat (images, PDF, text; at most 10 MB)',
          description:
            'The body is the file. `X-Visitor-Token` is required; `X-File-Name` (URI-encoded) names it.',
          security: [],
          response: { 201: uploadResponseSchema, ...uploadProblems },
        },
      },
      async (request, reply) => {
        const visitorId = await requireVisitor(deps, request);
        const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const upload = await storeUpload(
          deps,
          { by: 'visitor', visitorId },
          { content, name: fileName(request.headers['x-file-name']) },
        );
        return reply.status(201).send(upload);
      },
    );

    routes.post(
      '/api/v1/public/web-form/uploads',
      {
        config: { rateLimit: { max: 20, timeWindow: '10 minutes' } },
        schema: {
          tags: ['web form (public)'],
          summary: 'Upload a file to attach to a web form (images, PDF, text; at most 10 MB)',
          security: [],
          response: { 201: uploadResponseSchema, ...uploadProblems },
        },
      },
      async (request, reply) => {
        const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const upload = await storeUpload(
          deps,
          { by: 'web_form' },
          { content, name: fileName(request.headers['x-file-name']) },
        );
        return reply.status(201).send(upload);
      },
    );
  });

  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    '/api/v1/public/chat/uploads/:id/:signature',
    {
      schema: {
        tags: ['chat (public)'],
        summary: 'A sent file, by its capability URL',
        security: [],
        params: z.object({ id: z.uuid(), signature: z.string().max(100) }),
        response: { 404: problemSchema },
      },
    },
    async (request, reply) =>
      sendFile(reply, await openSignedUpload(deps, request.params.id, request.params.signature)),
  );
  routes.get(
    '/api/v1/chats/uploads/:id',
    {
      schema: {
        tags: ['chat'],
        summary: 'A file sent in a conversation the agent may see',
        params: idParams,
        response: { 401: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await openUploadForAgent(deps, requireRole(request.principal, 'agent'), request.params.id),
      ),
  );
}
