import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { AppModule } from './app.module.js';
import { DomainErrorFilter } from './common/filters/domain-error.filter.js';
import { sendError } from './common/filters/error-response.js';
import { answerClientErrors } from './common/http/client-errors.js';
import { refuseForbiddenKeys } from './common/http/forbidden-keys.js';
import { jsonOnly } from './common/http/json-only.js';
import { originCheck } from './common/http/origin.js';
import type { KapitelRequest } from './common/http/request-context.js';
import { NestPinoLogger } from './common/logger.js';
import { createValidationPipe } from './common/pipes/validation.pipe.js';
import type { AppConfig } from './config/app-config.js';

const JSON_BODY_LIMIT = '1mb';

/**
 * Builds the whole HTTP application (API, docs, web app) on one Express instance. Used
 * by main.ts and by the tests, so both run the very same stack.
 */
export async function createHttpApp(config: AppConfig, databaseUrl: string, logger: Logger): Promise<INestApplication> {
  const server = express();
  server.disable('x-powered-by');
  server.set('trust proxy', config.trustProxy);
  server.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    }),
  );
  server.use(securityHeaders());
  server.use(cookieParser());
  server.use('/api', express.json({ limit: JSON_BODY_LIMIT }));
  server.use('/api', refuseForbiddenKeys);
  server.use('/api', originCheck(config));
  server.use('/api', jsonOnly);
  server.use('/api', (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    sendError(error, req as KapitelRequest, res, logger);
  });
  if (config.webDist && existsSync(join(config.webDist, 'index.html'))) {
    serveWebApp(server, config.webDist);
  }

  const app = await NestFactory.create(AppModule.forRoot(config, databaseUrl), new ExpressAdapter(server), {
    bodyParser: false,
    logger: new NestPinoLogger(logger),
  });
  answerClientErrors(app.getHttpServer() as Server);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter(logger));
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kapitel API')
      .setDescription('Write a report together: projects, members, outline, review, comments, export.')
      .setVersion('0.1.0')
      .addCookieAuth('kapitel_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/**
 * A strict policy: everything from our own origin, nothing inline but styles (the
 * editor and Swagger UI set style attributes), no framing, no plugins.
 */
function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false,
  });
}

/** Serves the built web app; unknown paths outside /api and /collab get index.html (client routing). */
function serveWebApp(server: express.Express, webDist: string): void {
  // Vite puts a content hash into every file name under /assets: those never change.
  server.use('/assets', express.static(join(webDist, 'assets'), { index: false, maxAge: '1y', immutable: true }));
  server.use(express.static(webDist, { index: false, maxAge: 0 }));
  server.use((req: Request, res: Response, next: NextFunction) => {
    const isAppRoute =
      (req.method === 'GET' || req.method === 'HEAD') &&
      !req.path.startsWith('/api') &&
      !req.path.startsWith('/collab') &&
      !req.path.startsWith('/assets/');
    if (!isAppRoute) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(webDist, 'index.html'));
  });
}
