import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import type { ReactNode } from "react";
import { useBuildInfo } from "../../api/queries/auth";

/** A centred card for the signed-out pages (setup, login, CLI auth). */
export function AuthLayout({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  const buildInfo = useBuildInfo();
  return (
    <Box component="main" sx={{ minHeight: "100vh", display: "flex", flexDirection: "column", alignItems: "center", justifyContent: "center", p: 2 }}>
      <Paper variant="outlined" sx={{ width: "100%", maxWidth: 440, p: { xs: 3, sm: 4 } }}>
        <Box sx={{ display: "flex", alignItems: "center", gap: 1, mb: 3 }}>
          <Box component="img" src="/favicon.svg" alt="" sx={{ width: 32, height: 32 }} />
          <Typography sx={{ fontWeight: 700, fontSize: 18 }}>
            jcoder
          </Typography>
        </Box>
        <Typography variant="h1" sx={{ mb: subtitle ? 1 : 3 }}>
          {title}
        </Typography>
        {subtitle && (
          <Typography color="text.secondary" sx={{ mb: 3 }}>
            {subtitle}
          </Typography>
        )}
        {children}
      </Paper>
      {buildInfo.data?.version && (
        <Typography variant="caption" color="text.secondary" sx={{ mt: 2 }}>
          {buildInfo.data.version}
        </Typography>
      )}
    </Box>
  );
}
