/**
 * The one place that prints command results: {@code -o table|json|text} and {@code -c} columns,
 * tables laid out as Coder's (upper-case headings, two spaces between columns), JSON indented as
 * Go's {@code json.MarshalIndent}. Commands describe their results with an {@link dev.jcoder.cli.output.Output}.
 */
package dev.jcoder.cli.output;
