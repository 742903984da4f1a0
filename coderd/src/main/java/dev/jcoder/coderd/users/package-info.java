/**
 * Users: the first user, sign-in and sign-out, user administration (create, suspend, roles,
 * delete), profiles, passwords and git SSH keys. Handlers are thin; creation lives in
 * {@link dev.jcoder.coderd.users.UserCreator}.
 */
package dev.jcoder.coderd.users;
