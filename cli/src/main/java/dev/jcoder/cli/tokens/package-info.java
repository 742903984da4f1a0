/** {@code coder tokens}: create, list and remove personal API tokens. */
package dev.jcoder.cli.tokens;
