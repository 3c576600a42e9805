#!/bin/sh
# The production build: the PostgreSQL variant of Parley, packaged into target/quarkus-app/. Tests are CI's job.
# docker/Dockerfile runs exactly this, and .ci/run runs it too before starting the result with docker/start.sh.
set -eu
exec ./mvnw -B -ntp package -Dmaven.test.skip=true -Dquarkus.profile=pg
