package dev.jcoder.codersdk;

/** {@code PUT /workspaces/{id}/autoupdates}. */
public record UpdateWorkspaceAutomaticUpdatesRequest(AutomaticUpdates automaticUpdates) {}
