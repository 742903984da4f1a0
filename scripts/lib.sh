# Shared shell helpers for ./coder, ./test and the scripts under scripts/. Source it; do not run it.

# The major Java version of a JDK directory, read from its `release` file (no JVM start), or by asking it.
jcoder_java_major() {
  local home=$1 version
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null)
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  fi
  echo "${version%%.*}"
}

# Prints the JAVA_HOME of a JDK 25 or newer: $JAVA_HOME when it qualifies, then the JDKs under
# /usr/lib/jvm, then the `java` on PATH. Fails with a message naming what to install otherwise.
jcoder_find_java() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$(jcoder_java_major "$candidate")
    if [ -n "$version" ] && [ "$version" -ge 25 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    version=$(jcoder_java_major "$candidate")
    if [ -n "$version" ] && [ "$version" -ge 25 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  fi
  echo "jcoder needs a JDK 25 or newer and found none (looked at \$JAVA_HOME, /usr/lib/jvm and PATH)." >&2
  echo "Install one (for example Temurin 25 into /usr/lib/jvm/temurin-25-jdk-amd64) or set JAVA_HOME." >&2
  return 1
}

# A fingerprint of every input of the build: path, size and modification time of each source file.
# Cheap (a directory walk, no hashing of contents) so that ./coder can decide in milliseconds.
jcoder_source_fingerprint() {
  local root=$1
  (
    cd "$root" &&
      find . \( -path ./site/node_modules -o -path ./site/dist -o -path '*/target' -o -path ./.git \
        -o -path ./.build -o -path ./e2e/node_modules -o -path ./bench -o -path ./e2e \) -prune -o \
        -type f \( -name pom.xml -o -path './*/src/*' -o -path './site/*' -o -path './examples/*' \
        -o -path './.mvn/*' -o -path './scripts/*' \) -printf '%p %s %T@\n' | LC_ALL=C sort | md5sum | cut -d' ' -f1
  )
}
