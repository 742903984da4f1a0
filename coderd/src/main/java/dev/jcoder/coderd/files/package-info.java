/**
 * {@code /files}: uploads of template sources. Every archive is checked before anything uses it
 * ({@link dev.jcoder.coderd.files.ArchiveChecks}); zip uploads are converted to tar.
 */
package dev.jcoder.coderd.files;
