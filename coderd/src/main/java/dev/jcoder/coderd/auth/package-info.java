/**
 * Credentials: password hashing and strength, API key (session and token) generation and
 * verification, session cookies, and the per-user git SSH key. Follows Coder's exact formats so
 * that keys and hashes are interchangeable.
 */
package dev.jcoder.coderd.auth;
