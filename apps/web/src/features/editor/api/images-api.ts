import { errorCodeForStatus, type ImageContentType, type UploadedImage } from '@kapitel/domain';
import { ApiError, api, apiPath, isAbortError, type RequestOptions } from '../../../lib/api';
import { SNIFF_BYTES, sniffImageType } from '../utils/image-sources';

/**
 * Uploads an image's bytes to the project (leads and authors); the answer's `src` is what
 * the image node of the text names. The same bytes twice give the same image.
 */
export function uploadImage(
  projectId: string,
  bytes: Blob,
  contentType: ImageContentType,
  options: RequestOptions = {},
): Promise<UploadedImage> {
  const body = bytes.type === contentType ? bytes : new Blob([bytes], { type: contentType });
  return api.post<UploadedImage>(apiPath`/projects/${projectId}/images`, body, options);
}

/**
 * Uploads a file the user chose, pasted or dropped. Its type is read from its first bytes:
 * the browser only guesses it from the name. What the server would refuse (empty, not a PNG,
 * JPEG, GIF or WebP) fails here at once with the server's own answer, without sending megabytes.
 */
export async function uploadImageFile(
  projectId: string,
  file: Blob,
  options: RequestOptions = {},
): Promise<UploadedImage> {
  if (file.size === 0) {
    throw new ApiError(400, 'IMAGE_EMPTY', 'The file is empty');
  }
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const contentType = sniffImageType(head);
  if (contentType === null) {
    throw new ApiError(415, 'IMAGE_TYPE_UNSUPPORTED', 'The file is no PNG, JPEG, GIF or WebP image');
  }
  return uploadImage(projectId, file, contentType, options);
}

/** The bytes of an image on our own server (another project's, to copy it into this one). */
export async function readImage(src: string, options: RequestOptions = {}): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(src, { credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if (isAbortError(error)) {
      throw error;
    }
    throw new ApiError(0, 'NETWORK', 'The image could not be read');
  }
  if (!response.ok) {
    throw new ApiError(response.status, errorCodeForStatus(response.status) ?? 'UNKNOWN', response.statusText);
  }
  return response.blob();
}
