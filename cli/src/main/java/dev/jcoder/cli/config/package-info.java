/** The CLI's config directory ({@code ~/.config/jcoder}): the saved deployment URL and session token. */
package dev.jcoder.cli.config;
