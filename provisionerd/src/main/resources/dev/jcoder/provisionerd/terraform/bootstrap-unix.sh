#!/usr/bin/env sh
# jcoder agent bootstrap ({{OS}}/{{ARCH}}): the coder_agent init_script. It downloads the agent from
# the server and runs it with the token in $CODER_AGENT_TOKEN. The coder provider fills in the
# access URL and the agent's auth type.
set -eu

# Keep the workspace (and this log) around when the agent cannot start, so that someone can look.
waitonexit() {
	status=$?
	if [ "$status" -ne 0 ]; then
		echo "=== The agent script exited with status $status. Sleeping 24h to keep the logs; stop the workspace to end it."
		sleep 86400
	fi
}
trap waitonexit EXIT

BINARY_DIR="${BINARY_DIR:-$(mktemp -d -t jcoder.XXXXXX)}"
BINARY_NAME=coder
BINARY_URL="${ACCESS_URL}bin/coder-{{OS}}-{{ARCH}}"
cd "$BINARY_DIR"

echo "Downloading the jcoder agent from ${BINARY_URL} into ${BINARY_DIR}"
while :; do
	status=""
	if command -v curl >/dev/null 2>&1; then
		curl -fsSL --compressed "${BINARY_URL}" -o "${BINARY_NAME}" && break
		status=$?
	elif command -v wget >/dev/null 2>&1; then
		wget -q "${BINARY_URL}" -O "${BINARY_NAME}" && break
		status=$?
	elif command -v busybox >/dev/null 2>&1; then
		busybox wget -q "${BINARY_URL}" -O "${BINARY_NAME}" && break
		status=$?
	else
		echo "error: no download tool found; install curl, wget or busybox wget"
		exit 127
	fi
	echo "error: failed to download the agent from ${BINARY_URL} (status ${status}); trying again in 10 seconds"
	sleep 10
done

chmod +x "${BINARY_NAME}"
if ! head -c 4 "${BINARY_NAME}" | grep -q -e '#!' -e 'ELF' -e 'PK' 2>/dev/null; then
	echo "error: ${BINARY_URL} did not serve an agent executable (first bytes: $(head -c 64 "${BINARY_NAME}" | tr -cd '[:print:]'))"
	exit 1
fi

export CODER_AGENT_AUTH="${AUTH_TYPE}"
export CODER_AGENT_URL="${ACCESS_URL}"
echo "Starting the agent"
exec "./${BINARY_NAME}" agent
