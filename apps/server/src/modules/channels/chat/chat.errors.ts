import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  notFound,
  unprocessable,
} from '../../../platform/errors.ts';

export const chatNotFound = () => notFound('chat.not_found', 'No such chat');

export const emptyMessage = () =>
  badRequest('chat.empty_message', 'Write something or attach a file', [
    { path: 'body', message: 'is empty and there is no attachment' },
  ]);

export const unknownAttachment = () =>
  unprocessable(
    'chat.unknown_attachment',
    'An attachment is not one of your uploads, or was already sent elsewhere',
  );

export const identityNotConfigured = () =>
  forbidden(
    'chat.identity_not_configured',
    'This site has no identity secret, so logged-in users cannot be verified',
  );

export const identityRefused = () =>
  forbidden('chat.identity_refused', 'The signature does not match the user id; the claim is refused');

export const chatLimitReached = (maxChats: number) =>
  conflict(
    'chat.limit_reached',
    'You already hold as many chats as your limit allows',
    `Your limit is ${maxChats} concurrent chats; end or solve one first`,
  );

export const chatAlreadyClaimed = () =>
  conflict('chat.already_claimed', 'Another agent took this chat first');

export const notAChat = () => notFound('chat.not_found', 'This conversation is not a live chat');

export const noEmailForTranscript = () =>
  badRequest('chat.email_required', 'Give an email address for the transcript', [
    { path: 'email', message: 'is required' },
  ]);

export const nothingToTranscribe = () => conflict('chat.no_chat', 'There is no chat to send yet');

export { uploadTooLarge, uploadTypeRefused } from '../../attachments/index.ts';

export const uploadNotFound = () => notFound('uploads.not_found', 'No such file');

export const badVisitorToken = () =>
  new AppError({
    code: 'chat.bad_visitor_token',
    status: 401,
    title: 'The visitor token is missing or invalid',
  });

export const originNotAllowed = () =>
  forbidden('chat.origin_not_allowed', 'This site is not allowed to embed the chat');
