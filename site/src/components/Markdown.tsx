import Box from "@mui/material/Box";
import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { monoFont } from "../theme";

/**
 * Renders template READMEs. react-markdown builds React elements from the Markdown syntax tree and
 * never injects raw HTML (there is no rehype-raw here), and its default URL transform drops
 * `javascript:` and other unsafe link targets, so a README cannot run script in the dashboard.
 */
export function Markdown({ children, label = "README" }: { children: string; label?: string }) {
  return (
    <Box
      component="article"
      aria-label={label}
      sx={{
        lineHeight: 1.7,
        "& h1, & h2, & h3": { fontWeight: 600, mt: 2.5, mb: 1 },
        "& h1": { fontSize: "1.5rem" },
        "& h2": { fontSize: "1.25rem" },
        "& h3": { fontSize: "1.05rem" },
        "& a": { color: "primary.main" },
        "& code": { fontFamily: monoFont, fontSize: "0.9em", bgcolor: "rgba(255,255,255,0.06)", px: 0.5, borderRadius: 0.5 },
        "& pre": { p: 1.5, bgcolor: "#0b0d10", border: 1, borderColor: "divider", borderRadius: 1, overflow: "auto" },
        "& pre code": { bgcolor: "transparent", p: 0 },
        "& table": { borderCollapse: "collapse" },
        "& th, & td": { border: 1, borderColor: "divider", px: 1, py: 0.5 },
        "& img": { maxWidth: "100%" },
        "& > :first-of-type": { mt: 0 },
      }}
    >
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        components={{ a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noreferrer noopener" /> }}
      >
        {children}
      </ReactMarkdown>
    </Box>
  );
}
