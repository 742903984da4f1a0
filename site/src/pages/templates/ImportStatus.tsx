import Alert from "@mui/material/Alert";
import type { TemplateVersion } from "../../api/types";

/** What the import job is waiting for or why it failed, in words. */
export function ImportStatus({ version }: { version: TemplateVersion }) {
  const job = version.job;
  if (job.status === "pending") {
    return (
      <Alert severity="info" sx={{ mb: 2 }}>
        Waiting for a provisioner
        {job.queue_position > 0 ? ` (position ${job.queue_position} of ${job.queue_size} in the queue)` : ""}. If no
        daemon offers the {version.job.tags?.scope ? `tags ${JSON.stringify(job.tags)}` : "needed provisioner"}, the job stays pending.
      </Alert>
    );
  }
  if (job.status === "failed") {
    return (
      <Alert severity="error" sx={{ mb: 2 }}>
        The import failed{job.error ? `: ${job.error}` : "."}
        {job.error_code === "REQUIRED_TEMPLATE_VARIABLES" && " Set the template's required variables and push again."}
      </Alert>
    );
  }
  if (job.status === "canceled" || job.status === "canceling") {
    return (
      <Alert severity="warning" sx={{ mb: 2 }}>
        The import was canceled.
      </Alert>
    );
  }
  return null;
}
