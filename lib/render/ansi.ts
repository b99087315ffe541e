import { AnsiUp } from "ansi_up";

/**
 * Terminal text (streams, tracebacks, text/plain) as HTML with its ANSI colours,
 * by ansi_up: it escapes every piece of text itself (`escape_html`, on by
 * default and set here so it stays on) before wrapping it in a coloured span, so
 * an escape sequence cannot carry markup; OSC 8 hyperlinks become links only for
 * http(s). Colours are inline styles (as KaTeX's are), so the HTML needs no
 * stylesheet. A new AnsiUp per text: it keeps colour state between calls.
 */
export function ansiToHtml(text: string): string {
  const ansi = new AnsiUp();
  ansi.escape_html = true;
  ansi.use_classes = false;
  ansi.url_allowlist = { http: 1, https: 1 };
  // A carriage return redraws the line (progress bars): shown as a terminal, and Jupyter, leave it.
  return ansi.ansi_to_html(collapseCarriageReturns(text));
}

function collapseCarriageReturns(text: string): string {
  if (!text.includes("\r")) return text;
  return text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => line.split("\r").reduce((shown, rewrite) => rewrite + shown.slice(rewrite.length), ""))
    .join("\n");
}
