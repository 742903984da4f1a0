#!/usr/bin/env sh
# jcoder workspace agent bootstrap: downloads the agent from the deployment, then runs it.
# Placeholders filled in by the server or the Terraform provider: ACCESS_URL (ends with /), AUTH_TYPE, OS, ARCH.
set -eu

# Keep the workspace alive for debugging when anything below fails, as Coder's bootstrap does:
# whoever looks at this output learns why the agent is not running.
waitonexit() {
	status=$?
	if [ "$status" -ne 0 ]; then
		echo "=== jcoder agent bootstrap exited with code $status. Sleeping 24h to keep the workspace alive for debugging..."
		sleep 86400
	fi
}
trap waitonexit EXIT

ACCESS_URL="${ACCESS_URL}"
BINARY_URL="${ACCESS_URL}bin/coder-${OS}-${ARCH}"
CACHE_DIR="${CODER_AGENT_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/jcoder-agent}"
RETRY_SECONDS="${CODER_AGENT_DOWNLOAD_RETRY_SECONDS:-10}"
mkdir -p "$CACHE_DIR"
BINARY="$CACHE_DIR/coder"
ETAG_FILE="$CACHE_DIR/coder.etag"

download() {
	if command -v curl >/dev/null 2>&1; then
		set -- -fsSL -o "$BINARY.new"
		if curl --help all 2>/dev/null | grep -q -- --etag-save; then
			set -- "$@" --etag-save "$ETAG_FILE.new"
			# If-None-Match: an agent that did not change is not downloaded again (304).
			if [ -x "$BINARY" ] && [ -s "$ETAG_FILE" ]; then
				set -- "$@" --etag-compare "$ETAG_FILE"
			fi
		fi
		rm -f "$BINARY.new" "$ETAG_FILE.new"
		curl "$@" "$BINARY_URL" || return $?
		if [ -s "$ETAG_FILE.new" ]; then mv -f "$ETAG_FILE.new" "$ETAG_FILE"; else rm -f "$ETAG_FILE.new"; fi
		if [ ! -s "$BINARY.new" ]; then
			rm -f "$BINARY.new"
			echo "The cached agent is up to date."
			return 0
		fi
	elif command -v wget >/dev/null 2>&1; then
		wget -q -O "$BINARY.new" "$BINARY_URL" || return $?
	elif command -v busybox >/dev/null 2>&1; then
		busybox wget -q -O "$BINARY.new" "$BINARY_URL" || return $?
	else
		echo "error: no download tool found; install curl, wget or busybox wget in the workspace image"
		exit 127
	fi
	mv -f "$BINARY.new" "$BINARY"
}

while :; do
	status=0
	download || status=$?
	if [ "$status" -eq 0 ]; then
		break
	fi
	echo "error: failed to download the jcoder agent from $BINARY_URL"
	echo "       command returned: $status"
	echo "Trying again in $RETRY_SECONDS seconds..."
	sleep "$RETRY_SECONDS"
done

if ! chmod +x "$BINARY"; then
	echo "error: cannot make $BINARY executable (is $CACHE_DIR on a noexec file system?)"
	exit 1
fi

version=$("$BINARY" --version 2>&1 | head -n 1) || true
case "$version" in
*Coder*) ;;
*)
	echo "error: the downloaded agent did not run or answered an unexpected version: $version"
	exit 2
	;;
esac
echo "$(date -u '+%Y-%m-%dT%H:%M:%SZ') Starting the jcoder agent ($version) from $BINARY"

export CODER_AGENT_AUTH="${AUTH_TYPE}"
export CODER_AGENT_URL="${ACCESS_URL}"
exec "$BINARY" agent
