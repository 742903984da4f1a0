package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who wrote a job log line: the daemon itself or the provisioner it runs. */
public enum LogSource {
    PROVISIONER_DAEMON("provisioner_daemon"),
    PROVISIONER("provisioner");

    private final String value;

    LogSource(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static LogSource fromValue(String value) {
        return Enums.fromValue(LogSource.class, value, LogSource::value);
    }
}
