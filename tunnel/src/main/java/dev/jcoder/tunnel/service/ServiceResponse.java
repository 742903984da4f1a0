package dev.jcoder.tunnel.service;

import java.util.Objects;

/** The acceptor's answer to a stream header; {@code message} is a full sentence for users, empty when OK. */
public record ServiceResponse(ServiceStatus status, String message) {
    public ServiceResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    /** The service is connected. */
    public static ServiceResponse ok() {
        return new ServiceResponse(ServiceStatus.OK, "");
    }

    /** A refusal with a reason. */
    public static ServiceResponse error(ServiceStatus status, String message) {
        if (status == ServiceStatus.OK) {
            throw new IllegalArgumentException("an error needs a status other than OK");
        }
        return new ServiceResponse(status, message);
    }

    /** Whether payload follows. */
    public boolean isOk() {
        return status == ServiceStatus.OK;
    }
}
