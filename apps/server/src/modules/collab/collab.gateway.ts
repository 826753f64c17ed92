import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { CLOSE } from '@kapitel/collab';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isAllowedOrigin } from '../../common/http/origin.js';
import { SESSION_COOKIE } from '../../common/http/request-context.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { SessionService, type LiveSession } from '../auth/session.service.js';
import { colourOf, CollabAccess } from './collab-access.js';
import { CollabService } from './collab.service.js';
import { FrameSender } from './ws-frames.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
};

/** Reads one cookie from a Cookie header. */
function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Answers an upgrade request with a plain HTTP error; no WebSocket opens. */
function refuse(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: { code: status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 503 ? 'SERVICE_UNAVAILABLE' : status === 404 ? 'NOT_FOUND' : 'VALIDATION', message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * `/collab/<sectionId>` on the API's port. This gateway owns the HTTP server's `upgrade`
 * event: it checks Origin, session and membership before any WebSocket exists, then hands
 * the socket to the collaboration core.
 */
@Injectable()
export class CollabGateway implements OnApplicationBootstrap {
  private readonly logger = new Logger('CollabGateway');
  private readonly wss: WebSocketServer;
  private readonly frames = new FrameSender();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly sessions: SessionService,
    private readonly access: CollabAccess,
    private readonly collab: CollabService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // No compression: FrameSender writes frames beside ws's own and relies on ws writing at once.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: config.collab.maxFrameBytes, perMessageDeflate: false });
  }

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      this.upgrade(req, socket, head).catch((error: unknown) => {
        this.logger.error({ err: error }, 'Upgrade failed');
        refuse(socket, 503, 'The collaboration service is unavailable');
      });
    });
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const match = /^\/collab\/([^/]+)$/.exec(path);
    if (!match) {
      refuse(socket, 404, 'No WebSocket endpoint here; use /collab/<sectionId>');
      return;
    }
    const sectionId = (match[1]).toLowerCase();
    if (!UUID.test(sectionId)) {
      refuse(socket, 400, 'sectionId must be a UUID');
      return;
    }
    const origin = req.headers.origin;
    const secure = 'encrypted' in socket && Boolean((socket as { encrypted?: boolean }).encrypted);
    if (!origin || !isAllowedOrigin(this.config, origin, { host: req.headers.host, secure })) {
      refuse(socket, 403, 'This connection must come from the Kapitel web app (Origin check failed)');
      return;
    }
    const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
    const session = token ? await this.sessions.resolve(token) : null;
    if (!session) {
      refuse(socket, 401, 'Please log in');
      return;
    }
    const access = await this.access.resolve(session.userId, sectionId);
    if (!access) {
      // The same answer for a missing section and one in a project you are not in.
      refuse(socket, 403, 'You have no access to this section');
      return;
    }
    if (access === 'trashed') {
      // A member is told why, which a refused upgrade cannot do: browsers report any refusal
      // as 1006. The socket closes before it is given any of the section.
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on('error', () => undefined);
        ws.close(CLOSE.gone, 'the section is in the trash');
      });
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, sectionId, session, access));
  }

  private open(
    ws: WebSocket,
    sectionId: string,
    session: LiveSession,
    access: { projectId: string; name: string; canWrite: boolean },
  ): void {
    const { userId } = session;
    ws.binaryType = 'nodebuffer';
    const connection = this.collab.server.connect(
      {
        send: (frame) => this.frames.send(ws, frame),
        close: (code, reason) => ws.close(code, reason),
        get bufferedAmount() {
          return ws.bufferedAmount;
        },
      },
      {
        sectionId,
        projectId: access.projectId,
        identity: { id: userId, name: access.name, color: colourOf(userId) },
        canWrite: access.canWrite,
      },
    );
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) {
        ws.close(4400, 'text frames are not part of the protocol');
        return;
      }
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      this.collab.server.receive(connection, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
    const untrack = this.collab.trackSession(session, connection);
    ws.on('close', () => {
      untrack();
      this.collab.server.disconnect(connection);
    });
    ws.on('error', (error: Error & { code?: unknown }) => {
      // ws has closed the connection for a frame it refuses (1002, 1009): the client's
      // doing, told in one line; a stack trace per refused frame only buries the log.
      if (typeof error.code === 'string' && error.code.startsWith('WS_ERR_')) {
        this.logger.warn({ sectionId, userId, code: error.code, reason: error.message }, 'Refused a collaboration frame');
        return;
      }
      this.logger.warn({ err: error, sectionId }, 'Collaboration socket error');
    });
  }
}
