import AddIcon from "@mui/icons-material/PersonAdd";
import SearchIcon from "@mui/icons-material/Search";
import Button from "@mui/material/Button";
import InputAdornment from "@mui/material/InputAdornment";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import TablePagination from "@mui/material/TablePagination";
import TextField from "@mui/material/TextField";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { fieldError } from "../../api/client";
import { useMe, usePermissions } from "../../api/queries/auth";
import { useActivateUser, useDeleteUser, useSuspendUser, useUsers } from "../../api/queries/users";
import type { User } from "../../api/types";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { CreateUserDialog } from "./CreateUserDialog";
import { EditRolesDialog } from "./EditRolesDialog";
import { UsersTable, type UserAction } from "./UsersTable";

const PAGE_SIZES = [25, 50, 100];

export default function UsersPage() {
  const [params, setParams] = useSearchParams();
  const filter = params.get("filter") ?? "";
  const page = Math.max(0, Number(params.get("page") ?? "1") - 1) || 0;
  const limit = PAGE_SIZES.includes(Number(params.get("limit"))) ? Number(params.get("limit")) : PAGE_SIZES[0];
  const [search, setSearch] = useState(filter);
  const me = useMe();
  const permissions = usePermissions(me.data);
  const users = useUsers({ q: filter, limit, offset: page * limit });

  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<{ action: UserAction; user: User } | null>(null);
  const suspend = useSuspendUser();
  const activate = useActivateUser();
  const remove = useDeleteUser();
  const [actionError, setActionError] = useState<unknown>(null);

  // Typing updates the `filter` URL parameter (and so the query) after a short pause.
  useEffect(() => {
    if (search === filter) return;
    const timer = setTimeout(() => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (search) next.set("filter", search);
          else next.delete("filter");
          next.delete("page");
          return next;
        },
        { replace: true },
      );
    }, 350);
    return () => clearTimeout(timer);
  }, [search, filter, setParams]);

  const setPage = (p: number, size = limit) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set("page", String(p + 1));
      next.set("limit", String(size));
      return next;
    });

  const onAction = (action: UserAction, user: User) => {
    setActionError(null);
    if (action === "activate") {
      activate.mutate(user, { onError: setActionError });
      return;
    }
    setPending({ action, user });
  };
  const closePending = () => {
    setPending(null);
    suspend.reset();
    remove.reset();
  };

  const filterError = fieldError(users.error, "q");
  const canManage = !!permissions.data?.updateUsers;
  return (
    <>
      <PageHeader
        title="Users"
        subtitle="Manage the people who can use this deployment."
        actions={
          permissions.data?.createUser && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
              Create user
            </Button>
          )
        }
      />
      <Stack spacing={2}>
        <TextField
          label="Search users"
          placeholder='alice status:active role:owner'
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          error={!!filterError}
          helperText={filterError ?? "Filter with the API's syntax: words match username or email; keys status:, role:, created_after:, last_seen_before:…"}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
        {actionError != null && <ErrorAlert error={actionError} />}
        {users.isError && !filterError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
        {users.isError && filterError && <ErrorAlert error={users.error} handledFields={["q"]} />}
        <Paper variant="outlined">
          <UsersTable
            users={users.data?.users}
            loading={users.isPending}
            filtered={filter !== ""}
            currentUserId={me.data?.id}
            canManage={canManage}
            canDelete={!!permissions.data?.deleteUsers}
            busyUserId={activate.isPending ? activate.variables?.id : undefined}
            onAction={onAction}
          />
          {users.data && users.data.count > 0 && (
            <TablePagination
              component="div"
              count={users.data.count}
              page={page}
              rowsPerPage={limit}
              rowsPerPageOptions={PAGE_SIZES}
              onPageChange={(_, p) => setPage(p)}
              onRowsPerPageChange={(e) => setPage(0, Number(e.target.value))}
            />
          )}
        </Paper>
      </Stack>

      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
      <EditRolesDialog user={pending?.action === "roles" ? pending.user : undefined} onClose={closePending} />
      <ConfirmDialog
        open={pending?.action === "suspend"}
        title="Suspend user"
        description={
          <>
            <strong>{pending?.user.username}</strong> will be signed out and unable to use the deployment until activated again.
          </>
        }
        confirmText="Suspend"
        destructive
        loading={suspend.isPending}
        error={suspend.error}
        onClose={closePending}
        onConfirm={() => pending && suspend.mutate(pending.user, { onSuccess: closePending })}
      />
      <ConfirmDialog
        open={pending?.action === "delete"}
        title="Delete user"
        description={
          <>
            This permanently deletes <strong>{pending?.user.username}</strong> and revokes their tokens. It cannot be undone.
          </>
        }
        confirmText="Delete"
        destructive
        typeToConfirm={pending?.user.username ?? ""}
        loading={remove.isPending}
        error={remove.error}
        onClose={closePending}
        onConfirm={() => pending && remove.mutate(pending.user, { onSuccess: closePending })}
      />
    </>
  );
}
