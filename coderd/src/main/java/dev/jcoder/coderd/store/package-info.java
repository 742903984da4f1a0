/**
 * Data access: {@link dev.jcoder.coderd.store.Store} is one interface over hand-written SQL, named
 * like Coder's queries. {@link dev.jcoder.coderd.store.PostgresStore} runs the SQL;
 * {@link dev.jcoder.coderd.store.AuthorizingStore} sits in front of it and checks every call against
 * RBAC for the acting subject (Coder's dbauthz). Handlers only ever see an authorizing store.
 */
package dev.jcoder.coderd.store;
