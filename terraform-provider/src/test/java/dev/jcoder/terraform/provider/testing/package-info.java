/** Test support: runs the real {@code terraform} binary against our provider. */
package dev.jcoder.terraform.provider.testing;
