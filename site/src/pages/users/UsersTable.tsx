import MoreVertIcon from "@mui/icons-material/MoreVert";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import IconButton from "@mui/material/IconButton";
import Menu from "@mui/material/Menu";
import MenuItem from "@mui/material/MenuItem";
import Skeleton from "@mui/material/Skeleton";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import type { User, UserStatus } from "../../api/types";
import { UserAvatar } from "../../components/Layout/UserMenu";
import { formatDate, fromNow } from "../../utils/time";

export type UserAction = "suspend" | "activate" | "roles" | "delete";

interface Props {
  users?: User[];
  loading: boolean;
  filtered: boolean;
  currentUserId?: string;
  canManage: boolean;
  canDelete: boolean;
  busyUserId?: string;
  onAction: (action: UserAction, user: User) => void;
}

const statusColor: Record<UserStatus, "success" | "warning" | "error"> = {
  active: "success",
  dormant: "warning",
  suspended: "error",
};

export function UsersTable({ users, loading, filtered, currentUserId, canManage, canDelete, busyUserId, onAction }: Props) {
  return (
    <Table aria-label="Users" size="small">
      <TableHead>
        <TableRow>
          <TableCell>User</TableCell>
          <TableCell>Roles</TableCell>
          <TableCell>Login type</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Last seen</TableCell>
          <TableCell>Created</TableCell>
          {canManage && (
            <TableCell align="right">
              <Box component="span" sx={visuallyHidden}>
                Actions
              </Box>
            </TableCell>
          )}
        </TableRow>
      </TableHead>
      <TableBody>
        {loading &&
          Array.from({ length: 3 }, (_, i) => (
            <TableRow key={i} aria-hidden>
              <TableCell colSpan={canManage ? 7 : 6}>
                <Skeleton height={32} />
              </TableCell>
            </TableRow>
          ))}
        {!loading && users?.length === 0 && (
          <TableRow>
            <TableCell colSpan={canManage ? 7 : 6} sx={{ py: 6, textAlign: "center" }}>
              <Typography sx={{ fontWeight: 600 }}>{filtered ? "No users match this filter" : "No users yet"}</Typography>
              <Typography variant="body2" color="text.secondary">
                {filtered ? "Try another search." : "Create one to get started."}
              </Typography>
            </TableCell>
          </TableRow>
        )}
        {users?.map((user) => (
          <TableRow key={user.id} hover data-testid={`user-row-${user.username}`}>
            <TableCell>
              <Box sx={{ display: "flex", alignItems: "center", gap: 1.5 }}>
                <UserAvatar user={user} />
                <Box>
                  <Typography sx={{ fontWeight: 600, fontSize: 14 }}>
                    {user.username}
                    {user.id === currentUserId && (
                      <Typography component="span" color="text.secondary" sx={{ fontSize: 12, ml: 1 }}>
                        (you)
                      </Typography>
                    )}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {user.name ? `${user.name} · ${user.email}` : user.email}
                  </Typography>
                </Box>
              </Box>
            </TableCell>
            <TableCell>
              <Box sx={{ display: "flex", gap: 0.5, flexWrap: "wrap" }}>
                {user.roles.length === 0 ? (
                  <Chip size="small" variant="outlined" label="Member" />
                ) : (
                  user.roles.map((r) => <Chip key={r.name + (r.organization_id ?? "")} size="small" label={r.display_name || r.name} />)
                )}
              </Box>
            </TableCell>
            <TableCell>{user.login_type || "password"}</TableCell>
            <TableCell>
              <Chip size="small" variant="outlined" color={statusColor[user.status] ?? "default"} label={capitalize(user.status)} />
            </TableCell>
            <TableCell>
              <Tooltip title={formatDate(user.last_seen_at)}>
                <span>{fromNow(user.last_seen_at)}</span>
              </Tooltip>
            </TableCell>
            <TableCell>{formatDate(user.created_at)}</TableCell>
            {canManage && (
              <TableCell align="right">
                <RowMenu
                  user={user}
                  self={user.id === currentUserId}
                  canDelete={canDelete}
                  busy={busyUserId === user.id}
                  onAction={onAction}
                />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function RowMenu({ user, self, canDelete, busy, onAction }: { user: User; self: boolean; canDelete: boolean; busy: boolean; onAction: Props["onAction"] }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const pick = (action: UserAction) => () => {
    setAnchor(null);
    onAction(action, user);
  };
  return (
    <>
      <IconButton aria-label={`Actions for ${user.username}`} onClick={(e) => setAnchor(e.currentTarget)} disabled={busy} size="small">
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        <MenuItem onClick={pick("roles")}>Edit roles</MenuItem>
        {user.status === "suspended" ? (
          <MenuItem onClick={pick("activate")}>Activate</MenuItem>
        ) : (
          <MenuItem onClick={pick("suspend")} disabled={self}>
            Suspend
          </MenuItem>
        )}
        {canDelete && (
          <MenuItem onClick={pick("delete")} disabled={self} sx={{ color: "error.main" }}>
            Delete
          </MenuItem>
        )}
      </Menu>
    </>
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const visuallyHidden = {
  border: 0,
  clip: "rect(0 0 0 0)",
  height: "1px",
  margin: "-1px",
  overflow: "hidden",
  padding: 0,
  position: "absolute",
  whiteSpace: "nowrap",
  width: "1px",
} as const;
