import Chip from "@mui/material/Chip";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import type { TemplateVersionParameter } from "../api/types";
import { monoFont } from "../theme";

/** A template version's parameters as a read-only table (name, type, default, flags, description). */
export function ParametersTable({ parameters, values }: { parameters: TemplateVersionParameter[]; values?: Record<string, string> }) {
  if (parameters.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ py: 1 }}>
        This template has no parameters.
      </Typography>
    );
  }
  return (
    <Paper variant="outlined">
      <Table size="small" aria-label="Parameters">
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Type</TableCell>
            <TableCell>{values ? "Value" : "Default"}</TableCell>
            <TableCell>Description</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {parameters.map((p) => (
            <TableRow key={p.name}>
              <TableCell>
                <Typography sx={{ fontWeight: 600, fontSize: 14 }}>{p.display_name || p.name}</Typography>
                <Stack direction="row" spacing={0.5} sx={{ mt: 0.5 }}>
                  {p.required && <Chip size="small" label="Required" />}
                  {!p.mutable && <Chip size="small" color="warning" variant="outlined" label="Immutable" />}
                  {p.ephemeral && <Chip size="small" variant="outlined" label="Ephemeral" />}
                </Stack>
              </TableCell>
              <TableCell sx={{ fontFamily: monoFont, fontSize: 12 }}>{p.type}</TableCell>
              <TableCell sx={{ fontFamily: monoFont, fontSize: 12, wordBreak: "break-all" }}>
                {values ? (values[p.name] ?? "—") : p.default_value || "—"}
              </TableCell>
              <TableCell>{p.description_plaintext || p.description}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
