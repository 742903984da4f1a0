-- Lifecycle executor (issue 8). The next autostart of a workspace is kept in a column so that the
-- executor's query can select only due workspaces instead of evaluating every cron each minute.
-- It is a lower bound: the executor recomputes it from the latest build before acting, and NULL
-- means "not computed yet" (the executor then computes and stores it).
ALTER TABLE workspaces ADD COLUMN next_start_at timestamptz;

-- A changed schedule invalidates the stored next start (Coder clears it by trigger the same way).
CREATE FUNCTION workspaces_reset_next_start_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.autostart_schedule IS DISTINCT FROM OLD.autostart_schedule THEN
        NEW.next_start_at := NULL;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER workspaces_reset_next_start_at BEFORE UPDATE OF autostart_schedule ON workspaces
    FOR EACH ROW EXECUTE FUNCTION workspaces_reset_next_start_at();

-- So does a template change of the days autostart may run on, or of whether users may autostart.
CREATE FUNCTION templates_reset_next_start_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.autostart_requirement_days IS DISTINCT FROM OLD.autostart_requirement_days
            OR NEW.allow_user_autostart IS DISTINCT FROM OLD.allow_user_autostart THEN
        UPDATE workspaces SET next_start_at = NULL WHERE template_id = NEW.id AND NOT deleted;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER templates_reset_next_start_at AFTER UPDATE OF autostart_requirement_days, allow_user_autostart ON templates
    FOR EACH ROW EXECUTE FUNCTION templates_reset_next_start_at();
