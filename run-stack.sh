#!/usr/bin/env bash
# Builds and runs the whole suite on this machine: PostgreSQL, Kafka and every service, on the ports of the
# README. Needs only a JDK 17+ (Maven, Kafka and PostgreSQL come from Maven Central). Ctrl-C stops everything.
#
#   ./run-stack.sh                     build what is needed, then run in the foreground
#   ./run-stack.sh --replicas gateway=2   two gateway replicas, ws://localhost:8080/ws and ws://localhost:8085/ws
#   ./run-stack.sh --clean             start from empty databases and Kafka topics
#   ./run-stack.sh --help              every launcher option, and how replicas get their ports
#   RUN_STACK_SKIP_BUILD=1 ./run-stack.sh   run what was built last time
set -euo pipefail
cd "$(dirname "$0")"

if [[ -n "${JAVA_HOME:-}" ]]; then
  JAVA="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  JAVA=java
else
  echo "run-stack.sh: no Java found; install a JDK 17 or newer, or set JAVA_HOME" >&2
  exit 1
fi

LAUNCHER=deploy/local-stack/target/local-stack-launcher.jar
wants_help=0
for arg in "$@"; do
  [[ "$arg" == "--help" || "$arg" == "-h" ]] && wants_help=1
done

if [[ "$wants_help" == "1" ]]; then
  # the help needs only the launcher, not the services
  if [[ ! -f "$LAUNCHER" ]]; then
    echo "Building the launcher (./mvnw package -pl deploy/local-stack -DskipTests)..."
    ./mvnw -B -q -DskipTests package -pl deploy/local-stack -am
  fi
elif [[ "${RUN_STACK_SKIP_BUILD:-}" != "1" ]]; then
  echo "Building the services and the launcher (./mvnw package -DskipTests)..."
  # the five services, the launcher and what they depend on; the tests and the e2e module are not needed
  ./mvnw -B -q -DskipTests package \
    -pl auth-service,chat-service,booking-service,notification-service,gateway,deploy/local-stack -am
fi

# exec: the launcher gets Ctrl-C itself and stops the children in reverse order
exec "$JAVA" -jar "$LAUNCHER" "$@"
