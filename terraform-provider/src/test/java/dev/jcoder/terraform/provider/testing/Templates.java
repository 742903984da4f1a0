package dev.jcoder.terraform.provider.testing;

/** Terraform configurations shared by tests. */
public final class Templates {

  private Templates() {}

  public static final String REQUIRED_PROVIDERS = """
      terraform {
        required_providers {
          coder = {
            source  = "coder/coder"
            version = "~> 2.0"
          }
        }
      }
      """;

  /** Uses every resource and data source the issue lists, the way starter templates do. */
  public static final String EVERYTHING = REQUIRED_PROVIDERS + """
      provider "coder" {}

      data "coder_provisioner" "me" {}
      data "coder_workspace" "me" {}
      data "coder_workspace_owner" "me" {}

      data "coder_parameter" "region" {
        name         = "Region"
        display_name = "Region"
        description  = "Where the workspace runs"
        default      = "eu"
        mutable      = true
        order        = 1
        option {
          name  = "Europe"
          value = "eu"
          icon  = "/emojis/1f1ea-1f1fa.png"
        }
        option {
          name  = "United States"
          value = "us"
        }
      }

      data "coder_parameter" "cpus" {
        name    = "cpus"
        type    = "number"
        default = 2
        validation {
          min       = 1
          max       = 8
          monotonic = "increasing"
        }
      }

      data "coder_parameter" "repo" {
        name      = "repo"
        default   = "https://github.com/coder/coder"
        ephemeral = true
        mutable   = true
        validation {
          regex = "^https://"
          error = "Must be an https URL"
        }
      }

      data "coder_parameter" "dotfiles" {
        name      = "dotfiles"
        type      = "bool"
        default   = false
        form_type = "switch"
      }

      data "coder_parameter" "ides" {
        name      = "ides"
        type      = "list(string)"
        form_type = "multi-select"
        default   = jsonencode(["vscode"])
        option {
          name  = "VS Code"
          value = "vscode"
        }
        option {
          name  = "JetBrains"
          value = "jetbrains"
        }
      }

      data "coder_workspace_preset" "small" {
        name        = "Small"
        description = "A small workspace"
        default     = true
        parameters = {
          (data.coder_parameter.cpus.name) = "2"
        }
        prebuilds {
          instances = 1
          expiration_policy {
            ttl = 86400
          }
          scheduling {
            timezone = "UTC"
            schedule {
              cron      = "* 8-18 * * 1-5"
              instances = 3
            }
          }
        }
      }

      data "coder_workspace_tags" "tags" {
        tags = {
          "region" = data.coder_parameter.region.value
        }
      }

      data "coder_external_auth" "github" {
        id = "github"
      }

      resource "coder_agent" "main" {
        arch                    = data.coder_provisioner.me.arch
        os                      = "linux"
        dir                     = "$HOME"
        startup_script          = "echo started"
        connection_timeout      = 60
        troubleshooting_url     = "https://coder.com/docs"
        order                   = 1
        env = {
          GIT_AUTHOR_NAME = data.coder_workspace_owner.me.full_name
        }
        metadata {
          key          = "cpu"
          display_name = "CPU"
          script       = "top -bn1"
          interval     = 10
          timeout      = 1
        }
        display_apps {
          vscode_insiders = true
        }
      }

      resource "coder_agent_instance" "main" {
        agent_id    = coder_agent.main.id
        instance_id = "i-1234"
      }

      resource "coder_app" "code" {
        agent_id     = coder_agent.main.id
        slug         = "code-server"
        display_name = "code-server"
        url          = "http://localhost:13337/?folder=/home/coder"
        icon         = "/icon/code.svg"
        subdomain    = false
        share        = "owner"
        open_in      = "tab"
        order        = 2
        group        = "Editors"
        healthcheck {
          url       = "http://localhost:13337/healthz"
          interval  = 5
          threshold = 6
        }
      }

      resource "coder_app" "terminal" {
        agent_id = coder_agent.main.id
        slug     = "htop"
        command  = "htop"
        hidden   = true
      }

      resource "coder_app" "docs" {
        agent_id = coder_agent.main.id
        slug     = "docs"
        url      = "https://coder.com/docs"
        external = true
      }

      resource "coder_script" "dotfiles" {
        agent_id     = coder_agent.main.id
        display_name = "Dotfiles"
        script       = "echo dotfiles"
        run_on_start = true
        cron         = "0 0 22 * * *"
      }

      resource "coder_env" "editor" {
        agent_id = coder_agent.main.id
        name     = "EDITOR"
        value    = "vim"
      }

      resource "coder_metadata" "info" {
        count       = data.coder_workspace.me.start_count
        resource_id = terraform_data.home.id
        daily_cost  = 10
        item {
          key   = "region"
          value = data.coder_parameter.region.value
        }
        item {
          key = "empty"
        }
      }

      resource "terraform_data" "home" {
        input = data.coder_workspace.me.name
      }

      resource "terraform_data" "container" {
        count = data.coder_workspace.me.start_count
        input = {
          token       = coder_agent.main.token
          init_script = coder_agent.main.init_script
        }
        provisioner "local-exec" {
          command = "echo $TOKEN > token.txt"
          environment = {
            TOKEN = coder_agent.main.token
          }
        }
      }
      """;
}
