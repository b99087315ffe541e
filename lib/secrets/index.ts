export { openSecret, sealSecret } from "./seal";
