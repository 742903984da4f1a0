import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormGroup from "@mui/material/FormGroup";
import Stack from "@mui/material/Stack";
import { useEffect, useId, useState } from "react";
import { useAssignableRoles, useUpdateUserRoles } from "../../api/queries/users";
import type { User } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Loader } from "../../components/Loader";

/** Site roles are replaced as a whole (`PUT /users/{user}/roles`); `member` is implicit. */
export function EditRolesDialog({ user, onClose }: { user?: User; onClose: () => void }) {
  const open = !!user;
  const roles = useAssignableRoles(open);
  const update = useUpdateUserRoles();
  const [selected, setSelected] = useState<string[]>([]);
  const titleId = useId();
  const { reset } = update;
  useEffect(() => {
    if (user) {
      setSelected(user.roles.filter((r) => !r.organization_id).map((r) => r.name));
      reset();
    }
  }, [user, reset]);

  const toggle = (name: string) =>
    setSelected((s) => (s.includes(name) ? s.filter((r) => r !== name) : [...s, name]));
  const choices = (roles.data ?? []).filter((r) => r.name !== "member");

  return (
    <Dialog open={open} onClose={update.isPending ? undefined : onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (user) update.mutate({ user, roles: selected }, { onSuccess: onClose });
        }}
      >
        <DialogTitle id={titleId}>Edit roles of {user?.username}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>Every user is a member. Site roles add permissions across the deployment.</DialogContentText>
            {roles.isPending && <Loader />}
            {roles.isError && <ErrorAlert error={roles.error} />}
            <FormGroup aria-label="Site roles">
              {choices.map((role) => (
                <FormControlLabel
                  key={role.name}
                  control={<Checkbox checked={selected.includes(role.name)} onChange={() => toggle(role.name)} name={role.name} />}
                  label={role.display_name || role.name}
                  disabled={!role.assignable}
                />
              ))}
            </FormGroup>
            <ErrorAlert error={update.error} />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={update.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={update.isPending || roles.isPending}>
            {update.isPending ? "Saving…" : "Save roles"}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
