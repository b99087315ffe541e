import fs from "node:fs/promises";
import path from "node:path";

// KaTeX's stylesheet for rendered pages that show math, with its fonts inside
// as data: URLs. A deployment may be served from another origin (or an opaque
// one, sandboxed), where neither the app's bundled copy nor a path of the app
// can be relied on; inlined, the page needs nothing but `style-src
// 'unsafe-inline'` and `font-src data:`. Only the woff2 fonts are kept (every
// browser that runs KaTeX reads woff2): about 350 KB, sent only with math.

/** KaTeX's files in the installed package (as lib/pyodide finds Pyodide's: from the app's folder). */
const katexDir = () => path.join(process.cwd(), "node_modules", "katex", "dist");

/** A @font-face's sources: the woff2 file, then the woff and ttf fallbacks. */
const FONT_SOURCES = /url\(fonts\/(KaTeX_[\w-]+)\.woff2\) format\("woff2"\)(?:,url\(fonts\/KaTeX_[\w-]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\))*/g;

async function inlineFonts(): Promise<string> {
  const css = await fs.readFile(path.join(katexDir(), "katex.min.css"), "utf8");
  const names = new Set([...css.matchAll(FONT_SOURCES)].map((match) => match[1]!));
  const fonts = new Map<string, string>();
  await Promise.all([...names].map(async (name) => fonts.set(name, (await fs.readFile(path.join(katexDir(), "fonts", `${name}.woff2`))).toString("base64"))));
  const inlined = css.replace(FONT_SOURCES, (_source, name: string) => `url(data:font/woff2;base64,${fonts.get(name)}) format("woff2")`);
  // A KaTeX whose stylesheet names its fonts otherwise would load nothing here: say so rather than show broken math.
  if (/url\((?!data:)/.test(inlined)) throw new Error("KaTeX's stylesheet names files this page cannot load; update lib/deployments/serve/katex-stylesheet.ts for its layout");
  return inlined;
}

// The same bytes for every page of every deployment: read once per process.
let stylesheet: Promise<string> | undefined;

/** katex.min.css with its fonts inlined. */
export function katexStylesheet(): Promise<string> {
  stylesheet ??= inlineFonts().catch((error: unknown) => {
    stylesheet = undefined;
    throw error;
  });
  return stylesheet;
}

/** Whether rendered HTML holds KaTeX's markup (and so needs its stylesheet). */
export function hasMath(html: string): boolean {
  return html.includes('class="katex');
}
