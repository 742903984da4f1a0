/**
 * Cron grammars as Go's robfig/cron v3 parses them (schema reference §8), plus the simple schedule
 * overlap check of {@code coder_workspace_preset}. Error texts follow robfig's, since templates
 * authors see them verbatim.
 */
package dev.jcoder.terraform.provider.cron;
