import Box from "@mui/material/Box";
import List from "@mui/material/List";
import ListItemButton from "@mui/material/ListItemButton";
import ListItemText from "@mui/material/ListItemText";
import Typography from "@mui/material/Typography";
import { Suspense } from "react";
import { NavLink, Outlet } from "react-router";
import { useMe } from "../../api/queries/auth";
import { UserAvatar } from "../../components/Layout/UserMenu";
import { Loader } from "../../components/Loader";

const items = [
  { to: "/settings/account", label: "Account" },
  { to: "/settings/tokens", label: "Tokens" },
  { to: "/settings/ssh-keys", label: "SSH Keys" },
];

export default function SettingsLayout() {
  const me = useMe();
  return (
    <Box sx={{ display: "flex", gap: 5, flexDirection: { xs: "column", md: "row" } }}>
      <Box component="aside" sx={{ width: { md: 220 }, flexShrink: 0 }}>
        {me.data && (
          <Box sx={{ display: "flex", alignItems: "center", gap: 1.5, mb: 2 }}>
            <UserAvatar user={me.data} size={40} />
            <Box sx={{ minWidth: 0 }}>
              <Typography noWrap sx={{ fontWeight: 600 }}>
                {me.data.username}
              </Typography>
              <Typography variant="body2" color="text.secondary" noWrap>
                {me.data.email}
              </Typography>
            </Box>
          </Box>
        )}
        <List component="nav" aria-label="Settings" dense>
          {items.map((item) => (
            <ListItemButton
              key={item.to}
              component={NavLink}
              to={item.to}
              sx={{ borderRadius: 1, "&.active": { bgcolor: "action.selected" } }}
            >
              <ListItemText primary={item.label} />
            </ListItemButton>
          ))}
        </List>
      </Box>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Suspense fallback={<Loader />}>
          <Outlet />
        </Suspense>
      </Box>
    </Box>
  );
}
