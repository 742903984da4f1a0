import GitHubIcon from "@mui/icons-material/GitHub";
import KeyIcon from "@mui/icons-material/Key";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Divider from "@mui/material/Divider";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Link from "@mui/material/Link";
import { useState, type FormEvent } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { fieldError } from "../../api/client";
import { useAuthMethods, useHasFirstUser, useLogin, useMe } from "../../api/queries/auth";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Loader } from "../../components/Loader";
import { safeRedirect } from "../../components/RequireAuth";
import { validateEmail, validatePassword } from "../../utils/validation";
import { AuthLayout } from "./AuthLayout";

export default function LoginPage() {
  const [params] = useSearchParams();
  const redirect = safeRedirect(params.get("redirect"));
  const navigate = useNavigate();
  const me = useMe();
  const firstUser = useHasFirstUser();
  const methods = useAuthMethods();
  const login = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [submitted, setSubmitted] = useState(false);

  if (me.isPending || firstUser.isPending) return <Loader fullscreen />;
  if (me.data) return <Navigate to={redirect} replace />;
  if (firstUser.data === false) return <Navigate to="/setup" replace />;

  const errors = {
    email: (submitted ? validateEmail(email) : undefined) ?? fieldError(login.error, "email"),
    password: (submitted ? validatePassword(password) : undefined) ?? fieldError(login.error, "password"),
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (validateEmail(email) || validatePassword(password)) return;
    login.mutate({ email, password }, { onSuccess: (user) => user && void navigate(redirect, { replace: true }) });
  };

  // Password sign-in stays available while the methods load or if they fail to load.
  const passwordEnabled = methods.data?.password.enabled ?? true;
  const github = methods.data?.github.enabled;
  const oidc = methods.data?.oidc.enabled ? methods.data.oidc : undefined;
  const oauthQuery = `?redirect=${encodeURIComponent(redirect)}`;

  return (
    <AuthLayout title="Sign in">
      <Stack spacing={2.5}>
        {(github || oidc) && (
          <Stack spacing={1.5}>
            {github && (
              <Button variant="outlined" size="large" startIcon={<GitHubIcon />} href={`/api/v2/users/oauth2/github/callback${oauthQuery}`}>
                Sign in with GitHub
              </Button>
            )}
            {oidc && (
              <Button
                variant="outlined"
                size="large"
                startIcon={oidc.iconUrl ? <Box component="img" src={oidc.iconUrl} alt="" sx={{ width: 20, height: 20 }} /> : <KeyIcon />}
                href={`/api/v2/users/oidc/callback${oauthQuery}`}
              >
                {oidc.signInText || "Sign in with OpenID Connect"}
              </Button>
            )}
          </Stack>
        )}
        {(github || oidc) && passwordEnabled && <Divider>or</Divider>}
        {passwordEnabled && (
          <Stack component="form" spacing={2.5} onSubmit={onSubmit} noValidate aria-label="Sign in">
            <TextField
              label="Email"
              name="email"
              type="email"
              autoComplete="email"
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={!!errors.email}
              helperText={errors.email}
            />
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={!!errors.password}
              helperText={errors.password}
            />
            <ErrorAlert error={login.error} handledFields={["email", "password"]} />
            <Button type="submit" variant="contained" size="large" disabled={login.isPending}>
              {login.isPending ? "Signing in…" : "Sign in"}
            </Button>
          </Stack>
        )}
        {!passwordEnabled && !github && !oidc && methods.isSuccess && (
          <ErrorAlert error={new Error("No sign-in method is enabled on this deployment.")} />
        )}
        {methods.data?.terms_of_service_url && (
          <Link href={methods.data.terms_of_service_url} target="_blank" rel="noreferrer" variant="body2" sx={{ textAlign: "center" }}>
            Terms of service
          </Link>
        )}
      </Stack>
    </AuthLayout>
  );
}
