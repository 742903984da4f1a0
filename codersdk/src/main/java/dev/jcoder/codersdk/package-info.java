/**
 * The API's JSON shapes as records (field names as Coder's, snake_case on the wire), its enums with
 * their exact string values, and {@link dev.jcoder.codersdk.CoderClient}, the Java client a user's
 * program uses. These records are the single source of the API's shapes: the server writes them and
 * the client reads them. No business logic here.
 */
package dev.jcoder.codersdk;
