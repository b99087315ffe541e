import type { GatewayRefusalCode } from "../workspace/gateway-refusal";

/** A refusal or failure of the gateway: its kind (sent to the browser in x-benchtop-refusal), the status and the message the client sees. */
export class GatewayError extends Error {
  constructor(
    readonly code: GatewayRefusalCode,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "GatewayError";
  }
}
