# The production configuration on this machine (make serve-prod, make bench, make faults):
# PostgreSQL and Redis on localhost, plain HTTP (no TLS proxy in front). Sourced by sh; every
# value can be set from outside instead.
export DJANGO_ENV=production
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/rootwise}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-0}"
# A key of this checkout, made once and kept out of git (.prod-secret-key), so sessions
# survive a restart; a real deployment sets SECRET_KEY itself.
if [ -z "${SECRET_KEY:-}" ]; then
  [ -s .prod-secret-key ] || .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))' > .prod-secret-key
  SECRET_KEY="$(cat .prod-secret-key)"
  export SECRET_KEY
fi
# The database of DATABASE_URL, created when missing (PostgreSQL only).
case "$DATABASE_URL" in
  postgres*)
    .venv/bin/python tools/ensure_database.py "$DATABASE_URL" || return 1 2>/dev/null || exit 1
    ;;
esac
