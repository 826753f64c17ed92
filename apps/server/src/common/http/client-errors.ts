import type { ErrorBody } from '@kapitel/domain';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Requests Node's HTTP parser refuses before any route sees them (an address and headers
 * over its 16 KB limit, a malformed request line) are answered with the API's error body,
 * as every other refusal; Node alone would send a bare status with no body at all.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const body: ErrorBody = {
      error: tooLarge
        ? {
            code: 'PAYLOAD_TOO_LARGE',
            message: 'The address and headers of the request are too large (at most 16 KB together); send long texts in a request body',
          }
        : { code: 'VALIDATION', message: 'The request is not a well-formed HTTP request' },
    };
    const json = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  });
}
