import { Navigate, Outlet, useLocation } from "react-router";
import { useHasFirstUser, useMe } from "../api/queries/auth";
import { ErrorAlert } from "./ErrorAlert";
import { Loader } from "./Loader";
import Box from "@mui/material/Box";

/**
 * Guards the signed-in part of the app: before setup, everything leads to /setup; without a
 * session, to /login?redirect=<where the user was going>.
 */
export function RequireAuth() {
  const location = useLocation();
  const me = useMe();
  const signedOut = me.isSuccess && me.data === null;
  const firstUser = useHasFirstUser(signedOut);
  if (me.isPending) return <Loader fullscreen />;
  if (me.isError) {
    return (
      <Box sx={{ maxWidth: 560, mx: "auto", mt: 10, px: 2 }}>
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </Box>
    );
  }
  if (me.data) return <Outlet />;
  if (firstUser.isPending) return <Loader fullscreen />;
  if (firstUser.data === false) return <Navigate to="/setup" replace />;
  const redirect = location.pathname + location.search;
  const to = redirect === "/" || redirect === "/workspaces" ? "/login" : `/login?redirect=${encodeURIComponent(redirect)}`;
  return <Navigate to={to} replace />;
}

/** Only relative, same-origin paths are followed after login. */
export function safeRedirect(value: string | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/workspaces";
  return value;
}
