import { Link } from "wouter";
import { Page } from "../components/Page";

export function NotFound() {
  return (
    <Page title="Page not found">
      <p>
        No view has this address. Start from the <Link href="/comparison">comparison of perspectives</Link> or{" "}
        <Link href="/search">search</Link>.
      </p>
    </Page>
  );
}
