import TerminalIcon from "@mui/icons-material/Terminal";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Popover from "@mui/material/Popover";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import { CodeBlock } from "../../components/CodeBlock";

/** The commands to reach an agent over SSH, ready to copy (`coder ssh`, or OpenSSH after `coder config-ssh`). */
export function sshCommands(owner: string, workspace: string, agent: string | undefined, me: string | undefined) {
  const target = owner === me ? workspace : `${owner}/${workspace}`;
  const withAgent = agent ? `${target}.${agent}` : target;
  // config-ssh writes `Host coder.<workspace>[.<agent>]` entries for the signed-in user's own workspaces.
  const openSsh = owner === me ? `ssh coder.${workspace}${agent ? `.${agent}` : ""}` : undefined;
  return { coderSsh: `coder ssh ${withAgent}`, configSsh: "coder config-ssh", openSsh };
}

export function SSHButton({ owner, workspace, agent, me }: { owner: string; workspace: string; agent?: string; me?: string }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const commands = sshCommands(owner, workspace, agent, me);
  return (
    <>
      <Button size="small" variant="outlined" startIcon={<TerminalIcon fontSize="small" />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="dialog">
        SSH
      </Button>
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: "bottom", horizontal: "left" }}
        slotProps={{ paper: { role: "dialog", "aria-label": "SSH commands", sx: { p: 2, width: 440 } } }}
      >
        <Stack spacing={1.5}>
          <Box>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
              Connect with the Coder CLI:
            </Typography>
            <CodeBlock value={commands.coderSsh} label="coder ssh command" />
          </Box>
          {commands.openSsh && (
            <>
              <Box>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
                  Or configure OpenSSH once:
                </Typography>
                <CodeBlock value={commands.configSsh} label="config-ssh command" />
              </Box>
              <Box>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
                  then connect with ssh, scp, rsync or your editor:
                </Typography>
                <CodeBlock value={commands.openSsh} label="ssh command" />
              </Box>
            </>
          )}
        </Stack>
      </Popover>
    </>
  );
}
