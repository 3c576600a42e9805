#!/bin/sh
# The production start: the packaged application in $PARLEY_HOME (the image's /deployments, or target/quarkus-app
# after docker/build.sh), configured only through environment variables (docker/compose.yaml names them), with
# JAVA_OPTS for the JVM. docker/Dockerfile starts exactly this, and so does .ci/run.
set -eu
exec java ${JAVA_OPTS:-} -jar "${PARLEY_HOME:-/deployments}/quarkus-run.jar"
