import { DomainError } from '@kapitel/domain';
import type { Request } from 'express';

/** The answer for a body over the limit, in words a person can act on. */
export function tooLarge(maxBytes: number): DomainError {
  const mib = maxBytes / (1024 * 1024);
  const limit = Number.isInteger(mib) ? `${mib} MiB` : `${maxBytes} bytes`;
  return new DomainError('IMAGE_TOO_LARGE', `The image is larger than the limit of ${limit}`);
}

/**
 * Reads a raw request body into one buffer. The app parses only JSON bodies (1 MB); an image
 * route reads its own body here, after the caller's rights were checked, so that nobody
 * without them makes the server hold megabytes. A declared or actual size over `maxBytes` is
 * refused at once: reading stops (as body-parser does) and nothing more is kept.
 */
export function readRawBody(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    return Promise.reject(tooLarge(maxBytes));
  }
  if (req.readableEnded) {
    return Promise.resolve(Buffer.alloc(0)); // already read by another parser: nothing is left
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error: Error | null): void => {
      if (settled) {
        return;
      }
      settled = true;
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (error) {
        reject(error);
      } else {
        resolve(Buffer.concat(chunks, size));
      }
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        req.pause();
        settle(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => settle(null);
    const onError = (error: Error): void => settle(error);
    // The client went away before the end: nobody is left to answer, but the promise must end.
    const onClose = (): void => settle(new DomainError('VALIDATION', 'The upload was interrupted before its end'));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}
