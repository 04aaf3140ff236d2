import { randomInt } from 'node:crypto';
import type { RequestConfirmation, SupportedLanguage, WebFormBody } from '@frontline/contracts';
import type { Deps } from '../../../deps.ts';
import { isPgError, pgErrorCodes, validationFailed } from '../../../platform/errors.ts';
import { createConversation } from '../../conversations/index.ts';
import { recordPromise } from '../../eta/index.ts';
import {
  composeBody,
  linkUploads,
  promiseWrittenResponse,
  queueCustomerEmail,
  takeWebFormUploads,
  textsFor,
  withTwoConnections,
} from '../chat/index.ts';
import { findSubmittedConversation } from './web-form.repository.ts';
import { validateWebForm } from './web-form-validation.ts';

type WebFormDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'pool'>;

/**
 * A web form submission becomes a conversation with channel `web_form`, tagged with its topic;
 * the visitor is told the reference and when to expect an answer, on screen and by email. The
 * same submission sent twice (a double click, a retry) answers the first one's reference.
 */
export async function submitWebForm(
  deps: WebFormDeps,
  input: WebFormBody,
  language: SupportedLanguage,
): Promise<RequestConfirmation> {
  const written = await promiseWrittenResponse(deps, {
    channel: 'web_form',
    language,
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
  });
  const answer = { expectedResponse: written.expected, expectedResponseText: written.text };
  // A filled honeypot is a bot: it gets a confirmation that looks real, and nothing is stored,
  // so it learns nothing about what gave it away.
  if (input.website) return { reference: randomInt(1000, 99_999), ...answer };
  const errors = validateWebForm(input, language);
  if (errors.length > 0) throw validationFailed(errors);

  const externalId = `form:${input.clientId}`;
  const submitted = await findSubmittedConversation(deps.db, externalId);
  if (submitted) return { reference: submitted.reference, ...answer };
  const message = input.message.trim();
  try {
    return await withTwoConnections(deps.pool, () =>
      deps.db.transaction().execute(async (tx) => {
        const uploads = await takeWebFormUploads(tx, input.attachmentIds);
        const body = composeBody(message, uploads);
        const conversation = await createConversation(deps, {
          customer: { email: input.email.trim(), name: input.name.trim(), preferredLanguage: language },
          subject: (message.split('\n')[0] ?? '').slice(0, 80),
          channel: 'web_form',
          language,
          isLanguageGuessed: true,
          tags: [`web-form:${input.topic}`],
          message: {
            body: body.bodyText,
            bodyHtml: body.bodyHtml,
            externalId,
            metadata: {
              topic: input.topic,
              attachments: uploads.map((upload) => ({
                id: upload.id,
                name: upload.file_name,
                contentType: upload.content_type,
                sizeBytes: upload.size_bytes,
              })),
            },
          },
        });
        await linkUploads(tx, input.attachmentIds, conversation.id);
        // Shown on the confirmation screen and in its email: a promise, checked at the first answer.
        await recordPromise(tx, {
          conversationId: conversation.id,
          channel: 'web_form',
          teamId: conversation.teamId,
          ...written.promise,
          promisedAt: deps.clock.now(),
        });
        const texts = textsFor(language);
        await queueCustomerEmail(
          tx,
          {
            kind: 'request_received',
            to: input.email.trim(),
            subject: texts.requestSubject(conversation.reference),
            text: texts.requestBody(input.name.trim(), conversation.reference, written.text),
            language,
            conversationId: conversation.id,
            reference: conversation.reference,
          },
          `request-received:${conversation.id}`,
        );
        return { reference: conversation.reference, ...answer };
      }),
    );
  } catch (error) {
    // The same submission raced in from a second request and won: answer with its reference.
    if (!isPgError(error, pgErrorCodes.uniqueViolation)) throw error;
    const winner = await findSubmittedConversation(deps.db, externalId);
    if (!winner) throw error;
    return { reference: winner.reference, ...answer };
  }
}
