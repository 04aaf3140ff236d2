import { AppError, notFound } from '../../platform/errors.ts';

export const customerNotFound = () => notFound('customers.not_found', 'No such customer');

export const invalidIdentity = (kind: string, path: string, reason: string) =>
  new AppError({
    code:
      kind === 'email'
        ? 'customers.invalid_email'
        : kind === 'phone'
          ? 'customers.invalid_phone'
          : 'customers.invalid_identity',
    status: 422,
    title: `The ${kind} ${reason}`,
    errors: [{ path, message: reason }],
  });

export const identityTaken = (kind: string, value: string, ownerId: string) =>
  new AppError({
    code: 'customers.identity_taken',
    status: 409,
    title: `The ${kind} ${value} already belongs to another customer`,
    detail: `Customer ${ownerId} has it; merge the two customers instead.`,
  });

export const cannotMergeIntoItself = () =>
  new AppError({
    code: 'customers.merge_same',
    status: 422,
    title: 'A customer cannot be merged into itself',
  });

export const alreadyMerged = (id: string) =>
  new AppError({
    code: 'customers.already_merged',
    status: 409,
    title: 'This customer was already merged into another',
    detail: `Use customer ${id}.`,
  });
