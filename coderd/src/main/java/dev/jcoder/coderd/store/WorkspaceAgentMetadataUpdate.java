package dev.jcoder.coderd.store;

import java.time.Instant;
import java.util.UUID;

/** A metadata result an agent reported, to be written over the item's previous result. */
public record WorkspaceAgentMetadataUpdate(UUID agentId, String key, String value, String error, Instant collectedAt) {}
