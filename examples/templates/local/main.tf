terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
  }
}

variable "workspaces_directory" {
  type        = string
  default     = "~/jcoder-workspaces"
  description = "Directory on the provisioner's host under which each workspace gets its home directory."
}

data "coder_provisioner" "me" {}
data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

locals {
  # Where a new workspace's home goes. The path is fixed when the home is created (see
  # ignore_changes below), so renaming the workspace does not move or lose it.
  new_home = "${pathexpand(var.workspaces_directory)}/${data.coder_workspace_owner.me.name}/${data.coder_workspace.me.name}-${substr(data.coder_workspace.me.id, 0, 8)}"
  home     = terraform_data.home.output
  pid_file = "${local.home}/.jcoder/agent.pid"
  log_file = "${local.home}/.jcoder/agent.log"
}

resource "coder_agent" "main" {
  os   = data.coder_provisioner.me.os
  arch = data.coder_provisioner.me.arch
  dir  = local.home

  startup_script = <<-EOT
    set -e
    echo "Workspace home: $HOME"
  EOT

  env = {
    GIT_AUTHOR_NAME     = coalesce(data.coder_workspace_owner.me.full_name, data.coder_workspace_owner.me.name)
    GIT_AUTHOR_EMAIL    = data.coder_workspace_owner.me.email
    GIT_COMMITTER_NAME  = coalesce(data.coder_workspace_owner.me.full_name, data.coder_workspace_owner.me.name)
    GIT_COMMITTER_EMAIL = data.coder_workspace_owner.me.email
  }

  metadata {
    display_name = "CPU Usage"
    key          = "0_cpu_usage"
    script       = "cat /proc/loadavg | awk '{print $1}'"
    interval     = 10
    timeout      = 1
  }

  metadata {
    display_name = "Home Disk"
    key          = "1_home_disk"
    script       = "du -sh \"$HOME\" 2>/dev/null | cut -f1"
    interval     = 60
    timeout      = 5
  }
}

# The home directory: no count, so it survives stop and start; deleting the workspace removes it.
resource "terraform_data" "home" {
  input = local.new_home

  lifecycle {
    ignore_changes = [input]
  }

  provisioner "local-exec" {
    command = "mkdir -p \"${self.input}/.jcoder\""
  }

  provisioner "local-exec" {
    when    = destroy
    command = "rm -rf \"${self.input}\""
  }
}

# The running workspace, i.e. its agent process: exists only while the workspace is started.
resource "terraform_data" "workspace" {
  count = data.coder_workspace.me.start_count

  input = {
    home     = local.home
    pid_file = local.pid_file
    log_file = local.log_file
  }
  # A new agent token (every start build) means a new agent process.
  triggers_replace = [coder_agent.main.id, coder_agent.main.token]

  # Start the agent detached: its own session, every stream redirected (or Terraform would wait for
  # it), its pid written down for the stop below. Its output lands in .jcoder/agent.log.
  provisioner "local-exec" {
    command = <<-EOT
      mkdir -p "$(dirname "$PID_FILE")"
      echo "=== $(date -u '+%Y-%m-%dT%H:%M:%SZ') starting the agent" >> "$LOG_FILE"
      setsid nohup sh -c "$INIT_SCRIPT" < /dev/null >> "$LOG_FILE" 2>&1 &
      # The pid and the process's start time, so that a stop never signals a reused pid.
      echo "$! $(sed 's/.*) //' "/proc/$!/stat" | cut -d' ' -f20)" > "$PID_FILE"
    EOT
    environment = {
      INIT_SCRIPT       = coder_agent.main.init_script
      CODER_AGENT_TOKEN = coder_agent.main.token
      HOME              = local.home
      PID_FILE          = local.pid_file
      LOG_FILE          = local.log_file
    }
  }

  # Stop it: the whole process group (script and agent), TERM first, KILL after 10 seconds.
  provisioner "local-exec" {
    when    = destroy
    command = <<-EOT
      pid_file="${self.input.pid_file}"
      [ -f "$pid_file" ] || exit 0
      read -r pid started < "$pid_file"
      # True while $pid is still the process that was started (same start time).
      running() {
        [ "$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f20)" = "$started" ]
      }
      if running; then
        kill -TERM "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
          running || break
          sleep 0.1
        done
        if running; then
          kill -KILL "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
        fi
      fi
      rm -f "$pid_file"
      echo "=== $(date -u '+%Y-%m-%dT%H:%M:%SZ') agent stopped" >> "${self.input.log_file}"
    EOT
  }
}

resource "coder_metadata" "home" {
  resource_id = terraform_data.home.id
  icon        = "/icon/folder.svg"
  item {
    key   = "path"
    value = local.home
  }
}
