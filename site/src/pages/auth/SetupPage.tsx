import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import { useState, type FormEvent } from "react";
import { Navigate, useNavigate } from "react-router";
import { fieldError } from "../../api/client";
import { useCreateFirstUser, useHasFirstUser, useMe } from "../../api/queries/auth";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Loader } from "../../components/Loader";
import { validateEmail, validateFullName, validatePassword, validateUsername } from "../../utils/validation";
import { AuthLayout } from "./AuthLayout";

const fields = ["username", "name", "email", "password"] as const;
type Field = (typeof fields)[number];

export default function SetupPage() {
  const firstUser = useHasFirstUser();
  const me = useMe();
  const create = useCreateFirstUser();
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<Field, string>>({ username: "", name: "", email: "", password: "" });
  const [submitted, setSubmitted] = useState(false);

  if (firstUser.isPending) return <Loader fullscreen />;
  if (firstUser.data === true && !create.isPending && !create.isSuccess) {
    return <Navigate to={me.data ? "/workspaces" : "/login"} replace />;
  }

  const clientErrors: Record<Field, string | undefined> = {
    username: validateUsername(values.username),
    name: validateFullName(values.name),
    email: validateEmail(values.email),
    password: validatePassword(values.password),
  };
  const errorFor = (f: Field) => (submitted ? clientErrors[f] : undefined) ?? fieldError(create.error, f);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (fields.some((f) => clientErrors[f])) return;
    create.mutate(
      { username: values.username, name: values.name.trim(), email: values.email, password: values.password, trial: false },
      { onSuccess: () => void navigate("/workspaces", { replace: true }) },
    );
  };
  const bind = (f: Field) => ({
    name: f,
    value: values[f],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f]: e.target.value })),
    error: !!errorFor(f),
    helperText: errorFor(f),
  });

  return (
    <AuthLayout title="Create the first user" subtitle="This account becomes the deployment's owner.">
      <Stack component="form" spacing={2.5} onSubmit={onSubmit} noValidate aria-label="Create first user">
        <TextField label="Username" autoFocus autoComplete="username" {...bind("username")} />
        <TextField label="Full name" autoComplete="name" {...bind("name")} />
        <TextField label="Email" type="email" autoComplete="email" {...bind("email")} />
        <TextField label="Password" type="password" autoComplete="new-password" {...bind("password")} />
        <ErrorAlert error={create.error} handledFields={[...fields]} />
        <Button type="submit" variant="contained" size="large" disabled={create.isPending}>
          {create.isPending ? "Creating account…" : "Create account"}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
