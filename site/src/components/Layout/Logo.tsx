import Box from "@mui/material/Box";
import { Link as RouterLink } from "react-router";

export function Logo() {
  return (
    <Box
      component={RouterLink}
      to="/workspaces"
      aria-label="jcoder home"
      sx={{ display: "flex", alignItems: "center", gap: 1, color: "text.primary", textDecoration: "none", fontWeight: 700 }}
    >
      <Box component="img" src="/favicon.svg" alt="" sx={{ width: 24, height: 24 }} />
      jcoder
    </Box>
  );
}
