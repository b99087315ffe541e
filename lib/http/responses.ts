import { AppError, isAppError } from "../errors";

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}

/** Any error as the API's error shape. Unknown errors are logged and answered without detail. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) return json(error.toJSON(), error.status, error.headers);
  console.error("Unexpected error in an API route:", error);
  const internal = new AppError("internal", "Something went wrong on the server. Try again; if it keeps happening, tell an administrator.");
  return json(internal.toJSON(), internal.status);
}

type Handler<C> = (request: Request, context: C) => Promise<Response> | Response;

/** Wraps a route handler so that every failure answers in the documented error shape. */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
