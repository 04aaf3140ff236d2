import { createReadStream } from 'node:fs';
import {
  emailAttachmentParams,
  emailMessageListResponse,
  emailMessageParams,
  idParams,
  problemSchema,
} from '@frontline/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../deps.ts';
import { requireRole } from '../../auth/index.ts';
import { listEmailDetails, openAttachment, openOriginal, type StoredFile } from './email-details.service.ts';

const tags = ['email'];
const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/**
 * A received file must never run as a page of ours: its stored type, `nosniff`, a sandboxing
 * CSP, and only raster images inline — everything else (HTML, SVG, the original mail) downloads.
 */
function sendStoredFile(reply: FastifyReply, file: StoredFile) {
  const isInline = /^image\/(png|jpe?g|gif|webp)$/.test(file.contentType);
  return reply
    .type(file.contentType)
    .header('content-length', String(file.size))
    .header(
      'content-disposition',
      `${isInline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, max-age=31536000, immutable')
    .send(createReadStream(file.path));
}

export function registerEmailDetailRoutes(app: FastifyInstance, deps: Pick<Deps, 'db' | 'config'>) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/conversations/:id/email-messages',
    {
      schema: {
        tags,
        summary: 'Email details of a conversation’s messages: addresses, authentication, original, delivery',
        params: idParams,
        response: { 200: emailMessageListResponse, ...problems },
      },
    },
    async (request) => {
      const principal = requireRole(request.principal, 'agent');
      return { items: await listEmailDetails(deps, principal, request.params.id) };
    },
  );

  routes.get(
    '/api/v1/email-messages/:messageId/original',
    {
      schema: {
        tags,
        summary: 'The original mail as received (message/rfc822)',
        params: emailMessageParams,
        response: problems,
      },
    },
    async (request, reply) => {
      const principal = requireRole(request.principal, 'agent');
      return sendStoredFile(reply, await openOriginal(deps, principal, request.params.messageId));
    },
  );

  routes.get(
    '/api/v1/email-messages/:messageId/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'An attachment or inline image of a mail (images inline, everything else as a download)',
        params: emailAttachmentParams,
        response: problems,
      },
    },
    async (request, reply) => {
      const principal = requireRole(request.principal, 'agent');
      return sendStoredFile(
        reply,
        await openAttachment(deps, principal, request.params.messageId, request.params.attachmentId),
      );
    },
  );
}
