import { AppError, notFound } from '../../platform/errors.ts';

export const uploadTooLarge = (limitBytes: number) =>
  new AppError({
    code: 'uploads.too_large',
    status: 413,
    title: `The file is larger than ${Math.round(limitBytes / 1_048_576)} MB`,
  });

export const uploadTypeRefused = () =>
  new AppError({
    code: 'uploads.type_not_allowed',
    status: 415,
    title: 'Only images (PNG, JPEG, GIF, WebP), PDF and plain text files can be sent',
  });

export const attachmentNotFound = () => notFound('attachments.not_found', 'No such file');
