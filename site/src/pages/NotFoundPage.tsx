import Button from "@mui/material/Button";
import { Link as RouterLink } from "react-router";
import { EmptyState } from "../components/EmptyState";

export default function NotFoundPage() {
  return (
    <EmptyState
      title="Page not found"
      description="There is nothing at this address."
      action={
        <Button component={RouterLink} to="/workspaces" variant="outlined">
          Go to workspaces
        </Button>
      }
    />
  );
}
