import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import { useEffect, useId, useState, type ReactNode } from "react";
import { ErrorAlert } from "./ErrorAlert";

interface Props {
  open: boolean;
  title: string;
  description: ReactNode;
  confirmText: string;
  onConfirm: () => void;
  onClose: () => void;
  loading?: boolean;
  error?: unknown;
  destructive?: boolean;
  /** When set, the user must type this value before confirming (as Coder does for deletions). */
  typeToConfirm?: string;
}

export function ConfirmDialog(props: Props) {
  const { open, title, description, confirmText, onConfirm, onClose, loading, error, destructive, typeToConfirm } = props;
  const [typed, setTyped] = useState("");
  const titleId = useId();
  const descriptionId = useId();
  useEffect(() => {
    if (open) setTyped("");
  }, [open]);
  const blocked = typeToConfirm !== undefined && typed !== typeToConfirm;
  return (
    <Dialog open={open} onClose={loading ? undefined : onClose} aria-labelledby={titleId} aria-describedby={descriptionId} maxWidth="xs" fullWidth>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!blocked && !loading) onConfirm();
        }}
      >
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText id={descriptionId} component="div">
              {description}
            </DialogContentText>
            {typeToConfirm !== undefined && (
              <TextField
                autoFocus
                label={`Type "${typeToConfirm}" to confirm`}
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                autoComplete="off"
              />
            )}
            <ErrorAlert error={error} />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={loading}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="contained"
            color={destructive ? "error" : "primary"}
            disabled={blocked || loading}
            autoFocus={typeToConfirm === undefined}
          >
            {loading ? "Working…" : confirmText}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
