import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// findBy*/waitFor default to 1 s, too short on a loaded two-core machine.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
