import { z } from "zod";

export const paginationSchema = z.object({
  page: z.coerce.number({ error: "page must be a whole number." }).int("page must be a whole number.").min(1, "page starts at 1.").default(1),
  perPage: z.coerce
    .number({ error: "perPage must be a whole number." })
    .int("perPage must be a whole number.")
    .min(1, "perPage must be between 1 and 100.")
    .max(100, "perPage must be between 1 and 100.")
    .default(50),
});
