/**
 * {@code /templateversions} and version lookups by name: creating a version queues its import job;
 * {@link dev.jcoder.coderd.templateversions.TemplateImportJobHandler} stores what the import found
 * (parameters, variables, resources, presets, README).
 */
package dev.jcoder.coderd.templateversions;
