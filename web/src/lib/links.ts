// Where in the app a node of a given kind is shown (search hits, quality notes' concerns).
import { shortId } from "./ids";

export interface NodeLink {
  id: string;
  kind: string;
  /** For a finding: the study it reports on, whose page lists it. */
  study?: string | null;
}

const enc = (id: string) => encodeURIComponent(shortId(id));

/** The app path that shows this node, or null when no view shows that kind. */
export function pathFor(node: NodeLink): string | null {
  switch (node.kind) {
    case "Study":
    case "Work":
      return `/studies/${enc(node.id)}`;
    case "Prediction":
      return `/evidence/${enc(node.id)}`;
    case "Perspective":
      return `/comparison?p=${enc(node.id)}`;
    case "Theme":
      return `/comparison?t=${enc(node.id)}`;
    case "Factor":
      return `/factors?f=${enc(node.id)}`;
    case "Category":
    case "FactorGroup":
    case "ReportedFigure":
      return `/factors?open=${enc(node.id)}`;
    case "Finding":
      return node.study ? `/studies/${enc(node.study)}#${enc(node.id)}` : null;
    default:
      return null;
  }
}
