#!/usr/bin/env bash
# Run once by the postgres image, as its superuser, when its volume is first initialised
# (/docker-entrypoint-initdb.d). The superuser stays here: Vigie never logs in as it.
#   vigie_owner  owns the database and its schema; the migrations run as it (MIGRATION_DATABASE_URL)
#   vigie_app    what the API works as (DATABASE_ROLE); the migrations give it its rights
#   vigie_api    the API's login (DATABASE_URL): no rights of its own, it may only become vigie_app
# On a volume made before this script existed, run it by hand (README, "Docker Compose").
set -euo pipefail
: "${VIGIE_OWNER_PASSWORD:?set VIGIE_OWNER_PASSWORD}" "${VIGIE_API_PASSWORD:?set VIGIE_API_PASSWORD}"

psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-vigie}" \
  -v db="${POSTGRES_DB:-vigie}" -v owner_password="$VIGIE_OWNER_PASSWORD" -v api_password="$VIGIE_API_PASSWORD" <<'SQL'
SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vigie_owner') AS missing \gset
\if :missing
  CREATE ROLE vigie_owner;
\endif
ALTER ROLE vigie_owner WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'owner_password';

SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vigie_app') AS missing \gset
\if :missing
  CREATE ROLE vigie_app NOLOGIN;
\endif
-- The migrations check that the owner may switch to vigie_app (it then never does).
GRANT vigie_app TO vigie_owner;

SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vigie_api') AS missing \gset
\if :missing
  CREATE ROLE vigie_api;
\endif
-- NOINHERIT: back to itself (SET ROLE NONE) it can read nothing.
ALTER ROLE vigie_api WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD :'api_password';
GRANT vigie_app TO vigie_api;

ALTER DATABASE :"db" OWNER TO vigie_owner;
ALTER SCHEMA public OWNER TO vigie_owner;
SQL
