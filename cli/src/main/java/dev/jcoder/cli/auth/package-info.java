/** Signing in and out: {@code coder login}, {@code coder logout}, {@code coder whoami}. */
package dev.jcoder.cli.auth;
