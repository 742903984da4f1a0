/**
 * {@code coder server}: reads flags and {@code CODER_*} variables into the components' config
 * records, starts embedded PostgreSQL when no URL is given, starts coderd, and shuts everything
 * down in order on SIGINT/SIGTERM.
 */
package dev.jcoder.cli.server;
