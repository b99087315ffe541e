// The file the Markdown math plugin require()s; see math.ts for why it is imported by this path.
declare module "katex/dist/katex.js" {
  import katex from "katex";
  export default katex;
}
