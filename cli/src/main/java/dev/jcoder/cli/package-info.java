/**
 * The {@code coder} command tree (picocli). {@link dev.jcoder.cli.Main} builds it; commands are
 * small classes grouped by topic. Client commands talk to a server only through the SDK client.
 */
package dev.jcoder.cli;
