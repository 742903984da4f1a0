/**
 * Serves the dashboard (the built React app under {@code /site} on the classpath) for every path
 * that is not an API route, with index.html as the fallback for client-side routes.
 */
package dev.jcoder.coderd.site;
