import Box from "@mui/material/Box";
import { NavLink } from "react-router";
import type { Permissions } from "../../api/queries/auth";

export function NavLinks({ permissions }: { permissions?: Permissions }) {
  const links = [
    { to: "/workspaces", label: "Workspaces", show: true },
    { to: "/templates", label: "Templates", show: true },
    { to: "/users", label: "Users", show: !!permissions?.viewUsers },
    { to: "/deployment", label: "Deployment", show: !!permissions?.viewDeployment },
  ];
  return (
    <Box component="nav" aria-label="Main" sx={{ display: "flex", gap: 0.5, alignSelf: "stretch" }}>
      {links
        .filter((l) => l.show)
        .map((l) => (
          <Box
            key={l.to}
            component={NavLink}
            to={l.to}
            sx={{
              display: "flex",
              alignItems: "center",
              px: 1.5,
              color: "text.secondary",
              textDecoration: "none",
              fontSize: 14,
              fontWeight: 500,
              borderBottom: 2,
              borderColor: "transparent",
              "&:hover": { color: "text.primary" },
              "&.active": { color: "text.primary", borderColor: "primary.main" },
              "&:focus-visible": { outline: "2px solid", outlineColor: "primary.main", outlineOffset: -2 },
            }}
          >
            {l.label}
          </Box>
        ))}
    </Box>
  );
}
