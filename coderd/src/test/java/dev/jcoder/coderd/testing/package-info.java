/**
 * Test support shared by every module's tests (published in coderd's test jar): one embedded
 * PostgreSQL per JVM with a migrated template database that each test class clones, an in-process
 * server, SDK clients for users of each role, and a settable clock.
 */
package dev.jcoder.coderd.testing;
