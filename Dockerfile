# ClaimDesk for docker compose: the API and the built web app on one port, PostgreSQL from DATABASE_URL.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NX_DAEMON=false NX_NO_CLOUD=true
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY libs/server/package.json libs/server/
COPY apps/cli/package.json apps/cli/
COPY apps/web/package.json apps/web/
COPY libs/db/package.json libs/db/
COPY libs/domain/package.json libs/domain/
COPY libs/extraction/package.json libs/extraction/
COPY libs/reports/package.json libs/reports/
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts/prepare.js scripts/
RUN npm ci --include=dev --no-audit --no-fund
COPY . .
RUN node node_modules/vite/bin/vite.js build --config apps/web/vite.config.ts
EXPOSE 3000
USER node
# A 32 MB young generation (as bin/claimdesk.js asks for): less garbage-collection time per request under load.
ENV NODE_OPTIONS=--max-semi-space-size=32
CMD ["node", "bin/claimdesk.js", "serve"]
