# syntax=docker/dockerfile:1
# Kapitel: one process serving the API (/api), the web app (/) and, later, collaboration (/collab).
#   docker build -t kapitel .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://... kapitel
# Without DATABASE_URL the server starts its embedded PostgreSQL in DATA_DIR (/data): mount a volume
# there (-v kapitel-data:/data). docker-compose.yml runs it with a PostgreSQL 18 container instead.

# --- manifests: only what `npm ci` reads, so the dependency layer is rebuilt only when they change ----
FROM node:20-bookworm-slim AS manifests
WORKDIR /src
COPY . .
RUN find . -type f ! -name package.json ! -name package-lock.json ! -name .npmrc -delete \
 && find . -depth -type d -empty -delete

# --- build: install everything, compile the TypeScript packages and the web app ----------------------
FROM node:20-bookworm-slim AS build
ENV SCARF_ANALYTICS=false \
    DO_NOT_TRACK=1 \
    npm_config_audit=false \
    npm_config_fund=false \
    npm_config_update_notifier=false
# The lockfile is written by npm 11, which also honours `allowScripts` in package.json.
RUN npm install -g npm@11.19.1
WORKDIR /app
COPY --from=manifests /src ./
# Never --omit=optional: the native binaries (Typst, argon2, swc, embedded PostgreSQL) are optional
# dependencies chosen per platform.
RUN npm ci
COPY . .
RUN npm run build \
 && npm prune --omit=dev

# --- runtime -----------------------------------------------------------------------------------------
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    SCARF_ANALYTICS=false \
    DO_NOT_TRACK=1
WORKDIR /app
# The code belongs to root and is read-only for the server; only /data is writable.
COPY --from=build /app ./
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) drains connections and stops an embedded PostgreSQL; allow it ~30 s
# (docker stop -t 30, or stop_grace_period in compose).
STOPSIGNAL SIGTERM
CMD ["node", "apps/server/dist/main.js"]
