/**
 * The HTTP layer: the Javalin server, middleware (authentication, CSRF, rate limits, metrics,
 * headers), request parsing and the one mapper from {@link dev.jcoder.coderd.errors.ApiException}
 * to Coder's error shape. Feature packages register their routes through {@link dev.jcoder.coderd.http.Api}.
 */
package dev.jcoder.coderd.http;
