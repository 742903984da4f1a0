// A minimal ustar writer: enough to build template archives (regular files at the root) for the
// upload flow without a tar binary or another dependency.
import { writeFile } from "node:fs/promises";

function header(name, size, mtime) {
  const block = Buffer.alloc(512, 0);
  const field = (value, offset, length) => block.write(value, offset, length, "utf8");
  const octal = (value, offset, length) => field(value.toString(8).padStart(length - 1, "0") + "\0", offset, length);
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name too long: ${name}`);
  field(name, 0, 100);
  octal(0o644, 100, 8);
  octal(0, 108, 8);
  octal(0, 116, 8);
  octal(size, 124, 12);
  octal(mtime, 136, 12);
  field("        ", 148, 8); // checksum placeholder: spaces while summing
  field("0", 156, 1); // regular file
  field("ustar\0", 257, 6);
  field("00", 263, 2);
  let sum = 0;
  for (const byte of block) sum += byte;
  field(sum.toString(8).padStart(6, "0") + "\0 ", 148, 8);
  return block;
}

/** A tar archive of `files` ({ "name": "content" }) as a Buffer. */
export function tar(files, mtime = Math.floor(Date.now() / 1000)) {
  const parts = [];
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content, "utf8");
    parts.push(header(name, data.length, mtime), data, Buffer.alloc((512 - (data.length % 512)) % 512, 0));
  }
  parts.push(Buffer.alloc(1024, 0));
  return Buffer.concat(parts);
}

export async function writeTar(path, files) {
  await writeFile(path, tar(files));
  return path;
}

/** An echo-provisioner template: parameters of every type, a resource with an agent and apps, presets. */
export function echoTemplate({ logDelayMs = 50 } = {}) {
  const agent = {
    name: "main",
    operating_system: "linux",
    architecture: "amd64",
    apps: [
      { slug: "code-server", display_name: "code-server", url: "http://localhost:13337" },
      { slug: "docs", display_name: "Docs", url: "https://coder.com/docs", external: true },
    ],
  };
  const echo = {
    log_delay_ms: logDelayMs,
    logs: [
      { level: "info", stage: "Setting up", output: "Reading the template" },
      { level: "info", stage: "Parsing template parameters", output: "Found 6 parameters" },
      { level: "warn", stage: "Detecting persistent resources", output: "No persistent volume" },
      { level: "info", stage: "Cleaning up", output: "Done" },
    ],
    parameters: [
      { name: "region", display_name: "Region", description: "Where the workspace runs.", type: "string", mutable: false, default_value: "eu",
        options: [
          { name: "Europe", value: "eu", description: "Frankfurt", icon: "" },
          { name: "United States", value: "us", description: "Ohio", icon: "" },
        ] },
      { name: "cpu", display_name: "CPU cores", description: "Between 1 and 8.", type: "number", mutable: true, default_value: "2",
        validation_min: 1, validation_max: 8, validation_monotonic: "increasing", options: [] },
      { name: "dotfiles", display_name: "Dotfiles repository", description: "A Git URL.", type: "string", mutable: true, default_value: "",
        validation_regex: "^(https://.*)?$", validation_error: "Use an https:// URL.", options: [] },
      { name: "gpu", display_name: "GPU", description: "Attach a GPU.", type: "bool", mutable: true, default_value: "false", options: [] },
      { name: "tools", display_name: "Tools", description: "Installed at start.", type: "list(string)", mutable: true, default_value: "[\"git\"]", options: [] },
      { name: "project", display_name: "Project name", description: "Required.", type: "string", mutable: true, default_value: "", required: true, options: [] },
    ],
    resources: [{ name: "dev", type: "docker_container", agents: [agent], metadata: [{ key: "image", value: "ubuntu:24.04", sensitive: false }] }],
    presets: [{ name: "Large", parameters: { cpu: "8", region: "us" }, is_default: false }],
    build: {
      logs: [{ level: "info", stage: "Starting workspace", output: "container started" }],
      resources: [{ name: "dev", type: "docker_container", agents: [agent], metadata: [{ key: "image", value: "ubuntu:24.04", sensitive: false }] }],
      state: "opaque",
    },
  };
  return {
    "echo.json": JSON.stringify(echo, null, 2),
    "README.md": "# Echo template\n\nA template for **tests**: the echo provisioner replays `echo.json`.\n\n- one container\n- one agent\n\n<script>alert('x')</script>\n",
  };
}
