import CheckIcon from "@mui/icons-material/Check";
import ContentCopyIcon from "@mui/icons-material/ContentCopy";
import Button from "@mui/material/Button";
import IconButton from "@mui/material/IconButton";
import Tooltip from "@mui/material/Tooltip";
import { useEffect, useState } from "react";

/** Copies text to the clipboard (with a fallback for non-secure origins) and confirms it. */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

interface Props {
  text: string;
  label?: string;
  /** A labelled button instead of an icon. */
  variant?: "icon" | "button";
}

export function CopyButton({ text, label = "Copy", variant = "icon" }: Props) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  const onClick = async () => {
    try {
      await copyText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const icon = copied ? <CheckIcon fontSize="small" /> : <ContentCopyIcon fontSize="small" />;
  if (variant === "button") {
    return (
      <Button variant="outlined" startIcon={icon} onClick={onClick}>
        {copied ? "Copied" : label}
      </Button>
    );
  }
  return (
    <Tooltip title={copied ? "Copied" : label}>
      <IconButton aria-label={label} onClick={onClick} size="small">
        {icon}
      </IconButton>
    </Tooltip>
  );
}
