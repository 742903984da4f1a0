/** {@code POST /authcheck}: lets the dashboard ask which actions the caller may take. */
package dev.jcoder.coderd.authcheck;
