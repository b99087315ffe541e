"use client";

import { ConfirmActionButton } from "@/app/components/confirm-action-button";
import { revokeTokenAction } from "./actions";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  return (
    <ConfirmActionButton
      action={revokeTokenAction.bind(null, tokenId)}
      label={`Revoke ${name}`}
      confirmText={`Revoke "${name}"? Scripts and git remotes using it will stop working at once.`}
    >
      Revoke
    </ConfirmActionButton>
  );
}
