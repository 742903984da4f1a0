/** {@code coder agent}: runs the workspace agent ({@code dev.jcoder.agent}) from the full {@code coder} jar. */
package dev.jcoder.cli.agent;
