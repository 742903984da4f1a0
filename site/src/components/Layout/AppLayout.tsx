import AppBar from "@mui/material/AppBar";
import Box from "@mui/material/Box";
import Container from "@mui/material/Container";
import Toolbar from "@mui/material/Toolbar";
import { Suspense } from "react";
import { Outlet } from "react-router";
import { useMe, usePermissions } from "../../api/queries/auth";
import { Loader } from "../Loader";
import { NavLinks } from "./NavLinks";
import { UserMenu } from "./UserMenu";
import { Logo } from "./Logo";

export function AppLayout() {
  const me = useMe();
  const permissions = usePermissions(me.data);
  return (
    <Box sx={{ minHeight: "100vh", display: "flex", flexDirection: "column" }}>
      <AppBar position="sticky" color="inherit" elevation={0} sx={{ borderBottom: 1, borderColor: "divider", bgcolor: "background.paper" }}>
        <Toolbar sx={{ gap: 3 }} variant="dense">
          <Logo />
          <NavLinks permissions={permissions.data} />
          <Box sx={{ flex: 1 }} />
          {me.data && <UserMenu user={me.data} />}
        </Toolbar>
      </AppBar>
      <Container component="main" maxWidth="lg" sx={{ py: 4, flex: 1 }}>
        <Suspense fallback={<Loader />}>
          <Outlet />
        </Suspense>
      </Container>
    </Box>
  );
}
