/**
 * The executable Terraform launches from a filesystem mirror: go-plugin's handshake over stdout,
 * AutoMTLS with a self-signed certificate, and go-plugin's controller for a prompt exit.
 *
 * <p>Rules: nothing but the handshake line may reach stdout (the launcher sends JVM logging to
 * stderr and {@code System.out} is redirected right after the handshake).
 */
package dev.jcoder.terraform.provider.launch;
