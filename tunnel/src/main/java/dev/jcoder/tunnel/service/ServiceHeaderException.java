package dev.jcoder.tunnel.service;

import java.io.IOException;
import java.util.Objects;

/**
 * A stream header could not be used: the acceptor could not read the request (status tells what
 * to answer), or the opener got a refusal (status and message are the acceptor's).
 */
public final class ServiceHeaderException extends IOException {
    private final ServiceStatus status;

    public ServiceHeaderException(ServiceStatus status, String message) {
        super(message);
        this.status = Objects.requireNonNull(status, "status");
    }

    /** The status to answer with, or the one received. */
    public ServiceStatus status() {
        return status;
    }
}
