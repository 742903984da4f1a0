/**
 * The {@code echo} provisioner: answers from a file in the template archive instead of running
 * Terraform, so that the API can be tested end to end. See
 * {@link dev.jcoder.provisionerd.echo.EchoResponses} for the format.
 */
package dev.jcoder.provisionerd.echo;
