#!/bin/sh
# jcoder workspace agent (@OS@-@ARCH@): this POSIX sh header followed by a tar.gz of a Java runtime
# (jlink) and the agent's jars, so that a workspace image needs no JDK. The payload is unpacked
# once per bundle version into a cache directory; later starts only exec Java.
set -eu
bundle_id=@BUNDLE_ID@
payload_line=@PAYLOAD_LINE@
cache="${CODER_AGENT_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/jcoder-agent}"
dir="$cache/bundle-$bundle_id"
if [ ! -x "$dir/runtime/bin/java" ]; then
	mkdir -p "$cache"
	tmp=$(mktemp -d "$cache/.unpack.XXXXXX")
	if ! tail -n +"$payload_line" "$0" | gzip -dc | tar -xf - -C "$tmp"; then
		rm -rf "$tmp"
		echo "error: cannot unpack the jcoder agent into $cache (needs tar, gzip and about 120 MB of space)" >&2
		exit 1
	fi
	# Another start may have unpacked the same bundle meanwhile: keep whichever came first.
	mv "$tmp" "$dir" 2>/dev/null || rm -rf "$tmp"
fi
# Serial GC, C1 only and a small code cache keep an idle agent's memory low; the class-data
# archive (written at the first clean exit) makes later starts faster.
exec "$dir/runtime/bin/java" -XX:+UseSerialGC -Xms16m -Xmx512m -Xss512k -XX:TieredStopAtLevel=1 \
	-XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=128m -XX:+AutoCreateSharedArchive \
	-XX:SharedArchiveFile="$dir/agent.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
	-Dlogback.configurationFile=dev/jcoder/agent/logback-agent.xml --enable-native-access=ALL-UNNAMED \
	-cp "$dir/lib/*" dev.jcoder.agent.AgentMain "$@"
exit 0
# The payload follows this line.
