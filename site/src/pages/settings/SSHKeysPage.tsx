import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import { useGitSSHKey, useRegenerateGitSSHKey } from "../../api/queries/tokens";
import { CodeBlock } from "../../components/CodeBlock";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Loader } from "../../components/Loader";
import { PageHeader } from "../../components/PageHeader";
import { formatDate } from "../../utils/time";
import { Section } from "./Section";

export default function SSHKeysPage() {
  const key = useGitSSHKey();
  const regenerate = useRegenerateGitSSHKey();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <PageHeader title="SSH Keys" />
      <Section
        title="Coder SSH key"
        description="Workspaces use this key for Git over SSH. Add the public key to your Git provider (for example GitHub → Settings → SSH keys)."
      >
        {key.isPending && <Loader label="Loading SSH key" />}
        {key.isError && <ErrorAlert error={key.error} onRetry={() => void key.refetch()} />}
        {key.data && (
          <Stack spacing={2}>
            <CodeBlock value={key.data.public_key.trim()} label="Public key" testId="ssh-public-key" />
            <Typography variant="body2" color="text.secondary">
              Last generated {formatDate(key.data.updated_at || key.data.created_at)}.
            </Typography>
            <div>
              <Button variant="outlined" color="warning" onClick={() => setConfirming(true)}>
                Regenerate
              </Button>
            </div>
          </Stack>
        )}
      </Section>
      <ConfirmDialog
        open={confirming}
        title="Regenerate SSH key"
        description="The current key stops working in workspaces; you will need to add the new public key to your Git provider."
        confirmText="Regenerate"
        destructive
        loading={regenerate.isPending}
        error={regenerate.error}
        onClose={() => {
          setConfirming(false);
          regenerate.reset();
        }}
        onConfirm={() => regenerate.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      />
    </>
  );
}
