import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import { useEffect, useId, useState, type FormEvent } from "react";
import { fieldError } from "../../api/client";
import { useCreateUser } from "../../api/queries/users";
import type { LoginType } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { validateEmail, validateFullName, validatePassword, validateUsername } from "../../utils/validation";

const loginTypes: { value: LoginType; label: string }[] = [
  { value: "password", label: "Password" },
  { value: "oidc", label: "OpenID Connect" },
  { value: "github", label: "GitHub" },
  { value: "none", label: "None (API tokens only)" },
];

const empty = { username: "", name: "", email: "", password: "", login_type: "password" as LoginType };

export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const create = useCreateUser();
  const [values, setValues] = useState(empty);
  const [submitted, setSubmitted] = useState(false);
  const titleId = useId();
  const { reset } = create;
  useEffect(() => {
    if (open) {
      setValues(empty);
      setSubmitted(false);
      reset();
    }
  }, [open, reset]);

  const needsPassword = values.login_type === "password";
  const client = {
    username: validateUsername(values.username),
    name: validateFullName(values.name),
    email: validateEmail(values.email),
    password: needsPassword ? validatePassword(values.password) : undefined,
  };
  type Field = keyof typeof client;
  const errorFor = (f: Field) => (submitted ? client[f] : undefined) ?? fieldError(create.error, f);
  const bind = (f: Field) => ({
    name: f,
    value: values[f],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f]: e.target.value })),
    error: !!errorFor(f),
    helperText: errorFor(f),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.values(client).some(Boolean)) return;
    create.mutate(
      {
        username: values.username,
        name: values.name.trim() || undefined,
        email: values.email,
        login_type: values.login_type,
        password: needsPassword ? values.password : undefined,
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Dialog open={open} onClose={create.isPending ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form onSubmit={onSubmit} noValidate aria-label="Create user">
        <DialogTitle id={titleId}>Create user</DialogTitle>
        <DialogContent>
          <Stack spacing={2.5} sx={{ pt: 1 }}>
            <TextField label="Username" autoFocus autoComplete="off" {...bind("username")} />
            <TextField label="Full name" autoComplete="off" {...bind("name")} />
            <TextField label="Email" type="email" autoComplete="off" {...bind("email")} />
            <TextField
              select
              label="Login type"
              name="login_type"
              value={values.login_type}
              onChange={(e) => setValues((v) => ({ ...v, login_type: e.target.value as LoginType }))}
              error={!!fieldError(create.error, "login_type")}
              helperText={fieldError(create.error, "login_type")}
            >
              {loginTypes.map((t) => (
                <MenuItem key={t.value} value={t.value}>
                  {t.label}
                </MenuItem>
              ))}
            </TextField>
            {needsPassword && <TextField label="Password" type="password" autoComplete="new-password" {...bind("password")} />}
            <ErrorAlert error={create.error} handledFields={["username", "name", "email", "password", "login_type"]} />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create user"}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
