#!/bin/bash
# Container health = the node's readiness (database reachable, job executor running): an HTTP GET of
# the management port's open readiness probe, with nothing but bash (the JRE image has no curl).
# Healthy only on 200; DOWN (503), no answer or a refused connection is unhealthy.
set -euo pipefail
port="${MANAGEMENT_SERVER_PORT:-${SERVICELOOP_MANAGEMENT_PORT:-8081}}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
read -r -t 4 status_line <&3
[[ "${status_line}" == *" 200 "* ]]
