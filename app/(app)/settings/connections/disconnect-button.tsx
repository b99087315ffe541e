"use client";

import { ConfirmActionButton } from "@/app/components/confirm-action-button";
import { disconnectAction } from "./actions";

export function DisconnectButton({ connectionId, label }: { connectionId: string; label: string }) {
  return (
    <ConfirmActionButton
      action={disconnectAction.bind(null, connectionId)}
      label={`Disconnect ${label}`}
      confirmText={`Disconnect ${label}? Repositories without a token of their own can no longer use it through Benchtop. The token stays valid at the host until you revoke it there.`}
    >
      Disconnect
    </ConfirmActionButton>
  );
}
