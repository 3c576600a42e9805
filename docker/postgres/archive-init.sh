#!/bin/sh
# At the database's first start (the entrypoint's initialisation, the server up with the compose file's archive
# settings): the stanza of the WAL archive, then a first full backup. Later backups: docs/deployment.md.
set -e
pgbackrest --stanza=parley stanza-create
pgbackrest --stanza=parley --type=full backup
