import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';

/** Structured JSON logs (to stdout unless given a destination); credentials and cookies never reach them. */
export function createLogger(level: AppConfig['logLevel'], destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'kapitel' },
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        'password',
        'token',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace';

/**
 * Lets Nest's own messages, and ours through Nest's `Logger`, go through the same pino
 * logger. Nest appends the logger's context as the last argument; `new Logger('X').error(
 * {err, sectionId}, 'message')` therefore arrives as (object, 'message', 'X') and is written
 * as pino would: the object's fields, then the message.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const texts = rest.filter((param): param is string => typeof param === 'string');
    if (message instanceof Error) {
      this.logger[level]({ context, err: message }, texts[0] ?? message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...(message as Record<string, unknown>) }, texts.join(' '));
    } else {
      // Nest passes an error's stack as the second argument of error().
      this.logger[level](texts.length > 0 ? { context, trace: texts.join('\n') } : { context }, String(message));
    }
  }
}
