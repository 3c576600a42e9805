#!/bin/sh
# The primary of docker/compose.scale.yaml, at its first start: replication connections with the password, and a
# commit acknowledged only once the replica has applied it (scale/rig.py sets the same). Set here, at the end of the
# entrypoint's initialisation, because with a synchronous standby named and absent every commit would wait.
set -e
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -c "alter system set synchronous_standby_names = 'parley_replica'"
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -c "alter system set synchronous_commit = 'remote_apply'"
