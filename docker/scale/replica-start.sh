#!/bin/sh
# The replica of docker/compose.scale.yaml: at its first start a copy of the primary (pg_basebackup, with a replication
# slot), then a hot standby that follows it; after a promotion (pg_ctl promote) it is the primary, and archives its
# WAL into the repository the primary archived into (archive_mode=on archives only once promoted).
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_basebackup -h "$PARLEY_PRIMARY_HOST" -U "$PARLEY_REPLICATION_USER" -D "$PGDATA" -X stream -c fast \
      -C -S parley_replica -R; do
    echo "waiting for the primary"; sleep 2
  done
  # the name the primary waits for (synchronous_standby_names)
  echo "primary_conninfo = 'host=$PARLEY_PRIMARY_HOST user=$PARLEY_REPLICATION_USER password=$PGPASSWORD application_name=parley_replica'" \
    >> "$PGDATA/postgresql.auto.conf"
  chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on -c hot_standby_feedback=on -c wal_level=replica -c archive_mode=on \
  -c "archive_command=pgbackrest --stanza=parley archive-push %p" -c archive_timeout=60
