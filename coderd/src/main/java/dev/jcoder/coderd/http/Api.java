package dev.jcoder.coderd.http;

import io.javalin.config.RoutesConfig;

/** A feature's set of routes. */
public interface Api {
    void register(RoutesConfig routes);
}
