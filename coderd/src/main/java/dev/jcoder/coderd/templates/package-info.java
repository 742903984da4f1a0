/**
 * {@code /templates} and {@code /organizations/{org}/templates}: templates made from a version
 * whose import succeeded, their settings, active version, versions and deletion. Template admins
 * and owners change templates; members read and use them (enforced by the authorizing store).
 */
package dev.jcoder.coderd.templates;
