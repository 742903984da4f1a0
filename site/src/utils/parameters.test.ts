import { describe, expect, it } from "vitest";
import { makeParameter } from "../testing/fixtures";
import { initialValues, parseStringList, presetValues, validateAll, validateParameter } from "./parameters";

describe("validateParameter", () => {
  it("requires a value for required parameters and otherwise falls back to the default", () => {
    const required = makeParameter({ name: "project", required: true });
    expect(validateParameter(required, "")).toBe("A value is required.");
    expect(validateParameter(required, "x")).toBeUndefined();
    const withDefault = makeParameter({ name: "cpu", type: "number", default_value: "2", validation_min: 1 });
    expect(validateParameter(withDefault, "")).toBeUndefined();
  });

  it("checks numbers, min and max, with the template's message and placeholders", () => {
    const p = makeParameter({ name: "cpu", type: "number", validation_min: 1, validation_max: 8 });
    expect(validateParameter(p, "abc")).toBe('"abc" is not a number.');
    expect(validateParameter(p, "0")).toBe("The value must be at least 1.");
    expect(validateParameter(p, "9")).toBe("The value must be at most 8.");
    expect(validateParameter(p, "4")).toBeUndefined();
    const custom = { ...p, validation_error: "Pick {min} to {max} cores, not {value}." };
    expect(validateParameter(custom, "12")).toBe("Pick 1 to 8 cores, not 12.");
  });

  it("checks monotonic order against the previous build's value", () => {
    const p = makeParameter({ name: "disk", type: "number", validation_monotonic: "increasing" });
    expect(validateParameter(p, "10", "20")).toMatch(/may only increase/);
    expect(validateParameter(p, "30", "20")).toBeUndefined();
    expect(validateParameter(p, "10")).toBeUndefined();
    const down = makeParameter({ name: "x", type: "number", validation_monotonic: "decreasing" });
    expect(validateParameter(down, "30", "20")).toMatch(/may only decrease/);
  });

  it("matches regexes unanchored, as Go does, and uses the validation error", () => {
    const p = makeParameter({ name: "repo", validation_regex: "^https://", validation_error: "Use an https:// URL." });
    expect(validateParameter(p, "git@github.com:x/y")).toBe("Use an https:// URL.");
    expect(validateParameter(p, "https://github.com/x/y")).toBeUndefined();
    expect(validateParameter(makeParameter({ name: "a", validation_regex: "b" }), "abc")).toBeUndefined();
  });

  it("leaves regexes JavaScript cannot compile to the server", () => {
    expect(validateParameter(makeParameter({ name: "a", validation_regex: "(?P<x>a" }), "zzz")).toBeUndefined();
  });

  it("checks options, booleans and lists", () => {
    const region = makeParameter({ name: "region", options: [
      { name: "EU", value: "eu", description: "", icon: "" },
      { name: "US", value: "us", description: "", icon: "" },
    ] });
    expect(validateParameter(region, "ap")).toBe('"ap" is not one of the options.');
    expect(validateParameter(region, "us")).toBeUndefined();
    expect(validateParameter(makeParameter({ name: "gpu", type: "bool" }), "yes")).toMatch(/"true" or "false"/);
    const tools = makeParameter({ name: "tools", type: "list(string)", options: region.options });
    expect(validateParameter(tools, '["eu","mars"]')).toBe('"mars" is not one of the options.');
    expect(validateParameter(tools, "eu")).toMatch(/not a list of strings/);
    expect(validateParameter(tools, '["eu","us"]')).toBeUndefined();
  });
});

describe("parameter values", () => {
  it("parses lists of strings only", () => {
    expect(parseStringList('["a","b"]')).toEqual(["a", "b"]);
    expect(parseStringList("[1]")).toBeUndefined();
    expect(parseStringList("a")).toBeUndefined();
  });

  it("starts from previous values, then defaults, and reads presets' capitalized keys", () => {
    const ps = [makeParameter({ name: "a", default_value: "1" }), makeParameter({ name: "b", default_value: "2" })];
    expect(initialValues(ps, { b: "9" })).toEqual({ a: "1", b: "9" });
    expect(presetValues({ ID: "p", Name: "Large", Parameters: [{ Name: "a", Value: "8" }] })).toEqual({ a: "8" });
    expect(validateAll([makeParameter({ name: "x", required: true })], { x: "" })).toEqual({ x: "A value is required." });
  });
});
