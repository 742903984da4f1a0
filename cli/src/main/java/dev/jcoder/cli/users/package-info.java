/** {@code coder users}: list, create, show, suspend, activate, delete users and edit their roles. */
package dev.jcoder.cli.users;
