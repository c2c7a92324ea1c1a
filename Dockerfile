# syntax=docker/dockerfile:1.7
# Production image: the API serving the built backoffice, on any PostgreSQL 14+: DATABASE_URL for
# its login (never a superuser: refused), MIGRATION_DATABASE_URL for the schema owner's migrations.

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/backoffice/package.json apps/backoffice/
COPY apps/e2e/package.json apps/e2e/
COPY apps/platform-sim/package.json apps/platform-sim/
COPY libs/contracts/package.json libs/contracts/
COPY libs/intake-client/package.json libs/intake-client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build --projects=contracts,intake-client,api,backoffice

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
# Only the API's production dependencies; no install scripts (the embedded PostgreSQL is for
# development: in production DATABASE_URL is required).
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/backoffice/package.json apps/backoffice/
COPY apps/e2e/package.json apps/e2e/
COPY apps/platform-sim/package.json apps/platform-sim/
COPY libs/contracts/package.json libs/contracts/
COPY libs/intake-client/package.json libs/intake-client/
RUN npm ci --omit=dev --workspace=@vigie/api --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/libs/contracts/dist libs/contracts/dist
COPY --from=build /app/libs/intake-client/dist libs/intake-client/dist
COPY --from=build /app/apps/api/package.json apps/api/
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/backoffice/dist apps/backoffice/dist
# Mount points the named volumes take their owner from: the secrets and the shared checkpoints.
RUN mkdir -p /secrets /var/lib/vigie/checkpoints && chown node:node /secrets /var/lib/vigie/checkpoints
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "apps/api/dist/main.js"]
