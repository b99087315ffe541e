import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";

// Unknown API paths answer in the API's error shape, not with the HTML 404 page.
const unknown = () => errorResponse(new AppError("not_found", "There is no such API endpoint. See docs/api.md for the list."));

export const GET = unknown;
export const POST = unknown;
export const PUT = unknown;
export const PATCH = unknown;
export const DELETE = unknown;
