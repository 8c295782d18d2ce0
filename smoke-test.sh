#!/usr/bin/env bash
# Checks a running stack (./run-stack.sh in another terminal) end to end: logs in as the bootstrap admin, opens
# the gateway WebSocket, creates a booking and waits for its booking.created event on the socket.
# Exits 0 when every step passed. Options (--auth, --booking, --gateway, --timeout ...): ./smoke-test.sh --help
# The smoke client is dev.realtime.client.SmokeClient in the client-kit module.
set -euo pipefail
cd "$(dirname "$0")"

if [[ -n "${JAVA_HOME:-}" ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA=java
fi

JAR=client-kit/target/client-kit.jar
if [[ ! -f "$JAR" || ! -d client-kit/target/lib ]]; then
  echo "Building the smoke client (./mvnw package -pl client-kit)..."
  ./mvnw -B -q -DskipTests package -pl client-kit -am
fi

exec "$JAVA" -cp "$JAR:client-kit/target/lib/*" dev.realtime.client.SmokeClient "$@"
