import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import type { KapitelRequest } from '../http/request-context.js';
import { sendError } from './error-response.js';

/** The one exception filter: every error of a Nest route becomes the API's error body. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(error, http.getRequest<KapitelRequest>(), http.getResponse<Response>(), this.logger);
  }
}
