import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import { isApiError } from "../api/client";

interface Props {
  error: unknown;
  /** Fields rendered next to their inputs; other validations are listed in the alert. */
  handledFields?: string[];
  onRetry?: () => void;
}

/** Shows an API error as Coder's dashboard does: message as the title, detail below. */
export function ErrorAlert({ error, handledFields = [], onRetry }: Props) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const detail = isApiError(error) ? error.detail : undefined;
  const others = isApiError(error) ? error.validations.filter((v) => !handledFields.includes(v.field)) : [];
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        onRetry ? (
          <Box component="button" onClick={onRetry} sx={retrySx}>
            Retry
          </Box>
        ) : undefined
      }
    >
      <AlertTitle sx={{ mb: detail || others.length ? 0.5 : 0 }}>{message}</AlertTitle>
      {detail && <Box sx={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{detail}</Box>}
      {others.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {others.map((v) => (
            <li key={v.field + v.detail}>
              <strong>{v.field}</strong>: {v.detail}
            </li>
          ))}
        </Box>
      )}
    </Alert>
  );
}

const retrySx = {
  background: "none",
  border: "1px solid currentColor",
  borderRadius: 1,
  color: "inherit",
  cursor: "pointer",
  px: 1,
  py: 0.25,
  font: "inherit",
};
