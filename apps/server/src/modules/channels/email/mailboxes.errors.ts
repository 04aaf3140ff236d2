import { AppError, conflict, notFound, unprocessable } from '../../../platform/errors.ts';

export const mailboxNotFound = () => notFound('mailboxes.not_found', 'No such mailbox');
export const mailboxAddressTaken = () =>
  conflict('mailboxes.address_taken', 'Another mailbox already has this address');
export const unknownMailboxTeam = () => unprocessable('mailboxes.unknown_team', 'The team does not exist');
export const imapPasswordRequired = () =>
  new AppError({
    code: 'request.invalid',
    status: 400,
    title: 'The request is invalid',
    errors: [{ path: 'body.inbound.password', message: 'is required when switching a mailbox to IMAP' }],
  });
export const unknownTemplatePlaceholders = (language: string, names: string[]) =>
  new AppError({
    code: 'request.invalid',
    status: 400,
    title: 'The request is invalid',
    errors: [
      {
        path: `body.acknowledgementTemplates.${language}`,
        message: `uses unknown placeholders: ${names.map((name) => `{{${name}}}`).join(', ')}`,
      },
    ],
  });
