import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import Button from "@mui/material/Button";
import { useEffect, useRef } from "react";
import { Link as RouterLink } from "react-router";
import { useCreateToken } from "../../api/queries/tokens";
import { CodeBlock } from "../../components/CodeBlock";
import { CopyButton } from "../../components/CopyButton";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Loader } from "../../components/Loader";
import { AuthLayout } from "./AuthLayout";

/** Names the token after the moment it was made, so it is recognisable under Settings → Tokens. */
export function cliTokenName(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `cli-${stamp}-${Math.random().toString(36).slice(2, 6)}`;
}

/** `coder login` opens this page; it shows a fresh token to paste into the terminal. */
export default function CliAuthPage() {
  const create = useCreateToken("me");
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    create.mutate({ token_name: cliTokenName(), scope: "all", lifetime: 0 });
  }, [create]);

  return (
    <AuthLayout title="Session token" subtitle="Copy this token and paste it into the terminal where you ran coder login.">
      {create.isPending && <Loader label="Creating token" />}
      {create.isError && <ErrorAlert error={create.error} />}
      {create.data && (
        <Stack spacing={2}>
          <CodeBlock value={create.data.key} label="Session token" testId="cli-token" />
          <CopyButton text={create.data.key} label="Copy session token" variant="button" />
          <Typography variant="body2" color="text.secondary">
            It works like any API token: revoke it under Settings → Tokens.
          </Typography>
          <Button component={RouterLink} to="/workspaces">
            Go to the dashboard
          </Button>
        </Stack>
      )}
    </AuthLayout>
  );
}
