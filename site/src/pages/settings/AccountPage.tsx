import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import { useEffect, useState, type FormEvent } from "react";
import { fieldError } from "../../api/client";
import { useMe } from "../../api/queries/auth";
import { useUpdatePassword, useUpdateProfile } from "../../api/queries/users";
import type { User } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Loader } from "../../components/Loader";
import { PageHeader } from "../../components/PageHeader";
import { validateFullName, validatePassword, validateUsername } from "../../utils/validation";
import { Section } from "./Section";

export default function AccountPage() {
  const me = useMe();
  if (me.isPending) return <Loader />;
  if (!me.data) return <ErrorAlert error={me.error ?? new Error("You are signed out.")} />;
  return (
    <>
      <PageHeader title="Account" />
      <ProfileForm user={me.data} />
      {(me.data.login_type === "password" || me.data.login_type === "") && <PasswordForm />}
    </>
  );
}

function ProfileForm({ user }: { user: User }) {
  const update = useUpdateProfile();
  const [username, setUsername] = useState(user.username);
  const [name, setName] = useState(user.name);
  const [submitted, setSubmitted] = useState(false);
  useEffect(() => {
    setUsername(user.username);
    setName(user.name);
  }, [user.username, user.name]);
  const errors = {
    username: (submitted ? validateUsername(username) : undefined) ?? fieldError(update.error, "username"),
    name: (submitted ? validateFullName(name) : undefined) ?? fieldError(update.error, "name"),
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (validateUsername(username) || validateFullName(name)) return;
    update.mutate({ username, name: name.trim() });
  };
  return (
    <Section title="Profile" description="Your username appears in workspace addresses and the CLI.">
      <Stack component="form" spacing={2.5} onSubmit={onSubmit} noValidate aria-label="Profile" sx={{ maxWidth: 480 }}>
        <TextField label="Email" value={user.email} disabled helperText="Email cannot be changed here." />
        <TextField label="Username" name="username" value={username} onChange={(e) => setUsername(e.target.value)} error={!!errors.username} helperText={errors.username} />
        <TextField label="Full name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={!!errors.name} helperText={errors.name} />
        <ErrorAlert error={update.error} handledFields={["username", "name"]} />
        {update.isSuccess && <Alert severity="success">Profile updated.</Alert>}
        <div>
          <Button type="submit" variant="contained" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Update profile"}
          </Button>
        </div>
      </Stack>
    </Section>
  );
}

function PasswordForm() {
  const update = useUpdatePassword();
  const [values, setValues] = useState({ old_password: "", password: "", confirm: "" });
  const [submitted, setSubmitted] = useState(false);
  const client = {
    old_password: values.old_password ? undefined : "Enter your current password.",
    password: validatePassword(values.password),
    confirm: values.confirm === values.password ? undefined : "Passwords do not match.",
  };
  type Field = keyof typeof client;
  const errorFor = (f: Field) => (submitted ? client[f] : undefined) ?? fieldError(update.error, f);
  const bind = (f: Field) => ({
    name: f,
    type: "password",
    value: values[f],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f]: e.target.value })),
    error: !!errorFor(f),
    helperText: errorFor(f),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.values(client).some(Boolean)) return;
    update.mutate(
      { old_password: values.old_password, password: values.password },
      {
        onSuccess: () => {
          setValues({ old_password: "", password: "", confirm: "" });
          setSubmitted(false);
        },
      },
    );
  };
  return (
    <Section title="Password" description="Choose a long password; the server rejects weak ones.">
      <Stack component="form" spacing={2.5} onSubmit={onSubmit} noValidate aria-label="Change password" sx={{ maxWidth: 480 }}>
        <TextField label="Current password" autoComplete="current-password" {...bind("old_password")} />
        <TextField label="New password" autoComplete="new-password" {...bind("password")} />
        <TextField label="Confirm new password" autoComplete="new-password" {...bind("confirm")} />
        <ErrorAlert error={update.error} handledFields={["old_password", "password"]} />
        {update.isSuccess && <Alert severity="success">Password updated.</Alert>}
        <div>
          <Button type="submit" variant="contained" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Update password"}
          </Button>
        </div>
      </Stack>
    </Section>
  );
}
