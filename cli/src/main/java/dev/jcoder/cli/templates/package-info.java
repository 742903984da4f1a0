/**
 * {@code coder templates}: init, push, pull, list, versions, edit, delete and archive. Push tars a
 * directory ({@link dev.jcoder.cli.templates.SourceArchive}), uploads it, creates a version, streams
 * the import's logs and then creates the template or activates the version.
 */
package dev.jcoder.cli.templates;
