import { expect, signInOverApi, test } from "./fixtures";
import { TokensPage } from "./pages/tokens-page";

test("a personal access token is shown once, listed, and stops working when revoked", async ({ page, api }) => {
  const user = await api.createUser();
  await signInOverApi(page, user);
  const tokens = new TokensPage(page);
  await tokens.goto();
  await expect(page.getByText("You have no tokens.")).toBeVisible();

  await tokens.createToken("laptop");

  await expect(page.getByRole("status")).toContainText("Copy it now");
  await expect(tokens.newToken).toHaveValue(/^btp_\S{20,}$/);
  const token = await tokens.newToken.inputValue();
  await expect(tokens.row("laptop")).toBeVisible();
  await expect(tokens.row("laptop")).toContainText("never"); // not used yet
  expect(await api.meStatus(token), "the new token works").toBe(200);

  // Shown once: a fresh visit does not show it again.
  await page.reload();
  await expect(tokens.newToken).toHaveCount(0);
  await expect(tokens.row("laptop")).toBeVisible();

  await tokens.revoke("laptop");

  await expect(tokens.row("laptop")).toHaveCount(0);
  await expect(page.getByText("You have no tokens.")).toBeVisible();
  expect(await api.meStatus(token), "the revoked token is refused").toBe(401);
});
