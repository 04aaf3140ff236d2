import { createReadStream } from 'node:fs';
import { attachmentUploadResponse, idParams, problemSchema } from '@frontline/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireRole } from '../auth/index.ts';
import { openAgentUpload, type StoredAttachment, storeAgentUpload } from './attachments.service.ts';
import { maxUploadBytes } from './upload-types.ts';

type AttachmentDeps = Pick<Deps, 'db' | 'config'>;

/**
 * A stored file that can never run as a page of ours: the detected type, `nosniff`, a sandboxing
 * CSP, and only images inline (everything else downloads).
 */
function sendStoredFile(reply: FastifyReply, file: StoredAttachment) {
  const disposition = file.contentType.startsWith('image/') ? 'inline' : 'attachment';
  return reply
    .type(file.contentType)
    .header('content-length', String(file.sizeBytes))
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, max-age=31536000, immutable')
    .send(createReadStream(file.path));
}

/**
 * Agents' files for replies and notes. Uploading is a raw body (the file itself, `X-File-Name`
 * its URI-encoded name), as the chat widget does, so the browser can report upload progress and
 * the server never buffers a multipart envelope.
 */
export function registerAttachmentRoutes(app: FastifyInstance, deps: AttachmentDeps) {
  app.register(async (scope) => {
    // Any content type arrives as bytes here; what it really is gets decided by its content.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: maxUploadBytes },
      (_request, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/attachments',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Upload a file to attach to a reply or note (images, PDF, text; at most 10 MB)',
          description:
            'The body is the file; `X-File-Name` (URI-encoded) names it. Send the answered `id` in ' +
            '`attachmentIds` when posting the message. Too large → 413 `uploads.too_large` (or ' +
            '`request.too_large`); a type that is not allowed → 415 `uploads.type_not_allowed`.',
          response: {
            201: attachmentUploadResponse,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            413: problemSchema,
            415: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const principal = requireRole(request.principal, 'agent');
        const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const name = request.headers['x-file-name'];
        const upload = await storeAgentUpload(deps, principal, {
          content,
          name: typeof name === 'string' ? name : undefined,
        });
        return reply.status(201).send(upload);
      },
    );
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/attachments/:id',
    {
      schema: {
        tags: ['conversations'],
        summary: 'A file an agent attached: their own unsent upload, or one in a conversation they may see',
        params: idParams,
        response: { 401: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const principal = requireRole(request.principal, 'agent');
      return sendStoredFile(reply, await openAgentUpload(deps, principal, request.params.id));
    },
  );
}
