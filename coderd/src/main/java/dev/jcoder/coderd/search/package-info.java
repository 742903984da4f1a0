/** Coder's {@code q} search syntax: space-separated {@code key:value} terms and bare words. */
package dev.jcoder.coderd.search;
