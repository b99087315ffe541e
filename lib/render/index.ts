// Content from repositories turned into HTML that is safe in Benchtop's pages.
export { renderMarkdown } from "./markdown";
