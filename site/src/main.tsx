import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { AppProviders, createQueryClient } from "./App";
import { primeFromMetaTags } from "./api/bootstrap";
import { createRouter } from "./router";

const client = createQueryClient();
primeFromMetaTags(client);
const router = createRouter();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <AppProviders client={client}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
