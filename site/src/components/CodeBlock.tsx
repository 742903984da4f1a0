import Box from "@mui/material/Box";
import { monoFont } from "../theme";
import { CopyButton } from "./CopyButton";

/** A read-only value (token, key, command) with a copy button. */
export function CodeBlock({ value, label, testId }: { value: string; label: string; testId?: string }) {
  return (
    <Box
      sx={{
        display: "flex",
        alignItems: "flex-start",
        gap: 1,
        p: 1.5,
        border: 1,
        borderColor: "divider",
        borderRadius: 1,
        bgcolor: "rgba(255,255,255,0.03)",
      }}
    >
      <Box
        component="code"
        aria-label={label}
        data-testid={testId}
        sx={{ flex: 1, fontFamily: monoFont, fontSize: 13, wordBreak: "break-all", whiteSpace: "pre-wrap", py: 0.5 }}
      >
        {value}
      </Box>
      <CopyButton text={value} label={`Copy ${label.toLowerCase()}`} />
    </Box>
  );
}
