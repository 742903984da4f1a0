/**
 * Rich parameter values for workspace builds: reading them from flags and YAML files, checking
 * them like the server does, asking for missing ones, and layering them as Coder's CLI does.
 * No API calls here: commands fetch the template's parameters and previous values and pass them in.
 */
package dev.jcoder.cli.workspaces.parameters;
