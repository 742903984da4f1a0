/**
 * Publish/subscribe between the parts of coderd (and, with several replicas, between servers) on
 * PostgreSQL {@code LISTEN/NOTIFY}. One connection listens for the whole process; callbacks run on
 * its thread and must only hand work off (signal a waiting thread), never block. A notification is
 * a wake-up call: subscribers re-read the database, so a lost or coalesced notification costs
 * latency, never data. After the listening connection is re-established every subscriber is
 * called once with an empty payload.
 */
package dev.jcoder.coderd.pubsub;
