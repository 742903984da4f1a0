/**
 * The PostgreSQL connection: an embedded server by default (data kept under the server's config
 * directory) or an external one by URL, a connection pool, Flyway migrations and JDBI. Nothing here
 * knows about users or workspaces.
 */
package dev.jcoder.coderd.database;
