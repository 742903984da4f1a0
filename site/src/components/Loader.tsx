import Box from "@mui/material/Box";
import CircularProgress from "@mui/material/CircularProgress";

export function Loader({ fullscreen = false, label = "Loading" }: { fullscreen?: boolean; label?: string }) {
  return (
    <Box
      role="status"
      aria-label={label}
      sx={{
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        minHeight: fullscreen ? "100vh" : 160,
        width: "100%",
      }}
    >
      <CircularProgress size={28} />
    </Box>
  );
}
