#!/usr/bin/env bash
# Checks a running stack (./run-stack.sh in another terminal) end to end: logs in as the bootstrap admin, opens
# the gateway WebSocket, creates a booking and waits for its booking.created event on the socket.
# Exits 0 when every step passed. Options (--auth, --booking, --gateway, --timeout ...): ./smoke-test.sh --help
set -euo pipefail
cd "$(dirname "$0")"

if [[ -n "${JAVA_HOME:-}" ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA=java
fi

JAR=deploy/local-stack/target/local-stack-launcher.jar
if [[ ! -f "$JAR" ]]; then
  echo "Building the smoke client (./mvnw package -pl deploy/local-stack)..."
  ./mvnw -B -q -DskipTests package -pl deploy/local-stack -am
fi

exec "$JAVA" -cp "$JAR" dev.realtime.stack.SmokeClient "$@"
