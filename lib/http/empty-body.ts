import { z } from "zod";

/** The body of a POST that only says "this happened": `{}`. Still JSON, as every cookie-authenticated change must be. */
export const emptyBodySchema = z.object({}).strict();
