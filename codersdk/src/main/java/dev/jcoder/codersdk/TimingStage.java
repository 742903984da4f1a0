package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A stage of a build's timings: the provisioner's Terraform steps, the agent's scripts and its connection. */
public enum TimingStage {
    INIT("init"),
    PLAN("plan"),
    GRAPH("graph"),
    APPLY("apply"),
    START("start"),
    STOP("stop"),
    CRON("cron"),
    CONNECT("connect");

    private final String value;

    TimingStage(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static TimingStage fromValue(String value) {
        return Enums.fromValue(TimingStage.class, value, TimingStage::value);
    }
}
