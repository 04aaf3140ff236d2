export { attachmentNotFound, uploadTooLarge, uploadTypeRefused } from './attachments.errors.ts';
export { registerAttachmentRoutes } from './attachments.routes.ts';
export { openPublicReplyUpload, type StoredAttachment } from './attachments.service.ts';
export { cleanFileName, detectUploadType, maxUploadBytes, type UploadType } from './upload-types.ts';
