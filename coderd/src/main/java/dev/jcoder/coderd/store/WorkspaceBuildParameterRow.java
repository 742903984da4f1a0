package dev.jcoder.coderd.store;

import java.util.UUID;

/** A row of {@code workspace_build_parameters}: one rich parameter value of a build. */
public record WorkspaceBuildParameterRow(UUID workspaceBuildId, String name, String value) {}
