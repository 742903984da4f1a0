import AddIcon from "@mui/icons-material/Add";
import DeleteIcon from "@mui/icons-material/DeleteOutlined";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import IconButton from "@mui/material/IconButton";
import MenuItem from "@mui/material/MenuItem";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Tooltip from "@mui/material/Tooltip";
import { useEffect, useId, useState, type FormEvent } from "react";
import { fieldError } from "../../api/client";
import { useCreateToken, useDeleteToken, useTokenConfig, useTokens } from "../../api/queries/tokens";
import type { APIKeyScope, APIKeyWithOwner } from "../../api/types";
import { CodeBlock } from "../../components/CodeBlock";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { formatDate, fromNow, NANOS_PER_DAY } from "../../utils/time";
import { validateTokenName } from "../../utils/validation";
import { monoFont } from "../../theme";

export const LIFETIME_DAYS = [1, 7, 30, 60, 90, 365];

export default function TokensPage() {
  const tokens = useTokens();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<APIKeyWithOwner | null>(null);
  const remove = useDeleteToken();
  const closeRevoke = () => {
    setRevoking(null);
    remove.reset();
  };
  return (
    <>
      <PageHeader
        title="Tokens"
        subtitle="API tokens authenticate the CLI and scripts as you. Treat them like passwords."
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
            Create token
          </Button>
        }
      />
      {tokens.isError && <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.isPending && (
        <Paper variant="outlined" sx={{ p: 2 }} role="status" aria-label="Loading tokens">
          <Skeleton height={32} />
          <Skeleton height={32} />
        </Paper>
      )}
      {tokens.data?.length === 0 && (
        <EmptyState
          title="No tokens yet"
          description="Create a token to use the API or the CLI without signing in through the browser."
          action={
            <Button variant="outlined" onClick={() => setCreating(true)}>
              Create your first token
            </Button>
          }
        />
      )}
      {tokens.data && tokens.data.length > 0 && (
        <Paper variant="outlined">
          <Table size="small" aria-label="Tokens">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>ID</TableCell>
                <TableCell>Scope</TableCell>
                <TableCell>Created</TableCell>
                <TableCell>Last used</TableCell>
                <TableCell>Expires</TableCell>
                <TableCell align="right">
                  <span style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>Actions</span>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {tokens.data.map((token) => (
                <TableRow key={token.id} hover data-testid={`token-row-${token.token_name}`}>
                  <TableCell sx={{ fontWeight: 600 }}>{token.token_name || "—"}</TableCell>
                  <TableCell sx={{ fontFamily: monoFont, fontSize: 13 }}>{token.id}</TableCell>
                  <TableCell>{token.scope}</TableCell>
                  <TableCell>{formatDate(token.created_at)}</TableCell>
                  <TableCell>{fromNow(token.last_used)}</TableCell>
                  <TableCell>
                    <Tooltip title={formatDate(token.expires_at)}>
                      <span>{fromNow(token.expires_at)}</span>
                    </Tooltip>
                  </TableCell>
                  <TableCell align="right">
                    <IconButton aria-label={`Revoke token ${token.token_name || token.id}`} onClick={() => setRevoking(token)} size="small">
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={!!revoking}
        title="Revoke token"
        description={
          <>
            Anything using <strong>{revoking?.token_name || revoking?.id}</strong> loses access at once.
          </>
        }
        confirmText="Revoke"
        destructive
        loading={remove.isPending}
        error={remove.error}
        onClose={closeRevoke}
        onConfirm={() => revoking && remove.mutate(revoking.id, { onSuccess: closeRevoke })}
      />
    </>
  );
}

export function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const create = useCreateToken();
  const config = useTokenConfig();
  const [name, setName] = useState("");
  const [days, setDays] = useState(30);
  const [scope, setScope] = useState<APIKeyScope>("all");
  const [submitted, setSubmitted] = useState(false);
  const titleId = useId();
  const { reset } = create;
  useEffect(() => {
    if (open) {
      setName("");
      setDays(30);
      setScope("all");
      setSubmitted(false);
      reset();
    }
  }, [open, reset]);

  const maxDays = config.data ? config.data.max_token_lifetime / NANOS_PER_DAY : Infinity;
  const choices = LIFETIME_DAYS.filter((d) => d <= maxDays);
  const nameError = (submitted ? validateTokenName(name) : undefined) ?? fieldError(create.error, "token_name");
  const lifetimeError = fieldError(create.error, "lifetime");
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (validateTokenName(name)) return;
    create.mutate({ token_name: name, lifetime: days * NANOS_PER_DAY, scope });
  };

  return (
    <Dialog open={open} onClose={create.isPending ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{create.data ? "Token created" : "Create token"}</DialogTitle>
      {create.data ? (
        <>
          <DialogContent>
            <Stack spacing={2}>
              <Alert severity="warning">Copy the token now: it is shown only once.</Alert>
              <CodeBlock value={create.data.key} label="New token" testId="new-token" />
            </Stack>
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button variant="contained" onClick={onClose} autoFocus>
              Done
            </Button>
          </DialogActions>
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label="Create token">
          <DialogContent>
            <Stack spacing={2.5} sx={{ pt: 1 }}>
              <TextField label="Name" name="token_name" autoFocus value={name} onChange={(e) => setName(e.target.value)} error={!!nameError} helperText={nameError} autoComplete="off" />
              <TextField
                select
                label="Lifetime"
                name="lifetime"
                value={choices.includes(days) ? days : (choices.at(-1) ?? days)}
                onChange={(e) => setDays(Number(e.target.value))}
                error={!!lifetimeError}
                helperText={lifetimeError}
              >
                {choices.map((d) => (
                  <MenuItem key={d} value={d}>
                    {d === 1 ? "1 day" : d === 365 ? "1 year" : `${d} days`}
                  </MenuItem>
                ))}
              </TextField>
              <TextField select label="Scope" name="scope" value={scope} onChange={(e) => setScope(e.target.value as APIKeyScope)}>
                <MenuItem value="all">all — full access as you</MenuItem>
                <MenuItem value="application_connect">application_connect — workspace apps only</MenuItem>
              </TextField>
              <ErrorAlert error={create.error} handledFields={["token_name", "lifetime"]} />
            </Stack>
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={onClose} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" variant="contained" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create token"}
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}
