import type { MessageAttachment, Problem } from '@frontline/contracts';
import { ApiError, getCsrfToken } from '../../api/client.ts';

/**
 * Uploads one file for a reply or note. The body is the file itself (the server decides its type
 * by its first bytes); XMLHttpRequest rather than fetch because only it reports upload progress.
 */
export function uploadAttachment(
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<MessageAttachment> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/attachments');
    request.setRequestHeader('content-type', file.type || 'application/octet-stream');
    request.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    request.setRequestHeader('accept', 'application/json');
    const csrfToken = getCsrfToken();
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status === 201) {
        resolve(JSON.parse(request.responseText) as MessageAttachment);
        return;
      }
      let problem: Problem | null = null;
      try {
        problem = JSON.parse(request.responseText) as Problem;
      } catch {
        // Not problem+json (a proxy's error page): reported by status below.
      }
      reject(
        new ApiError(
          request.status,
          problem?.code ?? `http.${request.status}`,
          problem?.title ?? (request.statusText || `HTTP ${request.status}`),
          problem,
        ),
      );
    };
    request.onerror = () => reject(new ApiError(0, 'network.unreachable', 'The server could not be reached'));
    signal.addEventListener('abort', () => request.abort());
    request.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    request.send(file);
  });
}
