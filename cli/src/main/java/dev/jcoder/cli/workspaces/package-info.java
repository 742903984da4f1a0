/**
 * The workspace commands ({@code create}, {@code list}, {@code show}, {@code start}, {@code stop},
 * {@code restart}, {@code update}, {@code delete}, {@code rename}, {@code logs}, {@code schedule},
 * {@code favorite}, {@code autoupdate}) with Coder's flags, environment variables, prompts and
 * output. Commands talk to the server only through {@link dev.jcoder.codersdk.CoderClient}.
 */
package dev.jcoder.cli.workspaces;
