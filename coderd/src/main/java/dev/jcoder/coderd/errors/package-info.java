/**
 * The one error hierarchy of the server. Code anywhere throws these; the HTTP layer's mapper turns
 * each into Coder's {@code {message, detail, validations}} shape and status code. Messages are full
 * sentences meant for people; details carry technical specifics.
 */
package dev.jcoder.coderd.errors;
