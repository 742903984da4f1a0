/** API tokens ({@code /users/{user}/keys}): create with a lifetime and name, list, look up, revoke. */
package dev.jcoder.coderd.tokens;
