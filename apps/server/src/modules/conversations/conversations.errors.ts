import { AppError, conflict, notFound, unprocessable } from '../../platform/errors.ts';

/** Also the answer for conversations the caller may not see: their existence is not revealed. */
export const conversationNotFound = () => notFound('conversations.not_found', 'No such conversation');

export const conversationClosed = () =>
  conflict(
    'conversations.closed',
    'This conversation is closed',
    'Closed conversations accept only tag changes; a new message needs a new conversation',
  );

export const conversationMerged = (targetId: string | null) =>
  conflict(
    'conversations.merged',
    'This conversation was merged into another one',
    targetId ? `Continue in conversation ${targetId}` : undefined,
  );

export const unknownTeam = () =>
  new AppError({
    code: 'conversations.unknown_team',
    status: 422,
    title: 'The team does not exist',
    errors: [{ path: 'body.teamId', message: 'no team with this id' }],
  });

export const unknownAssignee = () =>
  new AppError({
    code: 'conversations.unknown_assignee',
    status: 422,
    title: 'The assignee is not an active agent',
    errors: [{ path: 'body.assigneeId', message: 'no active agent with this id' }],
  });

export const mergeCustomerMismatch = () =>
  unprocessable(
    'conversations.merge_customer_mismatch',
    'Only conversations of the same customer can be merged',
    'Merge the customers first if they are the same person',
  );

export const mergeIntoItself = () =>
  unprocessable('conversations.merge_into_itself', 'A conversation cannot be merged into itself');

export const mergeTargetUnavailable = () =>
  conflict('conversations.merge_target_unavailable', 'The target conversation is closed or merged itself');

export const mergeTargetNotFound = () =>
  new AppError({
    code: 'conversations.merge_target_not_found',
    status: 422,
    title: 'No such target conversation',
    errors: [{ path: 'body.targetConversationId', message: 'no conversation with this id' }],
  });

export const unknownAttachment = () =>
  new AppError({
    code: 'conversations.unknown_attachment',
    status: 422,
    title: 'An attachment is not one of your uploads, or was already sent',
    errors: [{ path: 'body.attachmentIds', message: 'not an unsent upload of yours' }],
  });
