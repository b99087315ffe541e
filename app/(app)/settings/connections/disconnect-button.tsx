"use client";

import { ConfirmActionButton } from "@/app/components/confirm-action-button";
import { disconnectAction } from "./actions";

export function DisconnectButton({ connectionId, label, method }: { connectionId: string; label: string; method: "oauth" | "token" }) {
  // Benchtop withdraws what it was granted; a personal access token is the user's own to revoke.
  const afterwards =
    method === "oauth" ? "Benchtop will also withdraw its access at the host." : "The token will stay valid at the host until you revoke it there.";
  return (
    <ConfirmActionButton
      action={disconnectAction.bind(null, connectionId)}
      label={`Disconnect ${label}`}
      confirmText={`Disconnect ${label}? Repositories without a token of their own will no longer be able to use it through Benchtop. ${afterwards}`}
    >
      Disconnect
    </ConfirmActionButton>
  );
}
