package dev.jcoder.cli.output;

/** A command whose results {@link OutputOptions} prints; its help lists the formats and columns. */
public interface HasOutput {
    Output<?> output();
}
