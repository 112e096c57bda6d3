// Stance and relation badges: the word is always printed (colour only repeats it).
import type { Relation, Stance } from "../api/graphql";

export const STANCE_LABELS: Record<Stance, string> = {
  YES: "Yes",
  NO: "No",
  DEPENDS: "Depends",
  CONDITIONAL: "Conditional",
  DESCRIPTIVE: "Descriptive",
  NOT_ADDRESSED: "Not addressed",
};

export const RELATION_LABELS: Record<Relation, string> = {
  SUPPORTS: "Supports",
  CONTRADICTS: "Contradicts",
  QUALIFIES: "Qualifies",
  MIXED: "Mixed",
};

export function StanceBadge({ stance, interpreted }: { stance: Stance; interpreted: boolean }) {
  return (
    <span className={`badge stance stance-${stance.toLowerCase()}`} data-stance={stance}>
      {STANCE_LABELS[stance]}
      {interpreted ? (
        <span className="interp-mark" title="our interpretation of the source's words">
          {" "}
          <span aria-hidden="true">*</span>
          <span className="visually-hidden">(our interpretation)</span>
        </span>
      ) : null}
    </span>
  );
}

export function RelationBadge({ relation }: { relation: Relation | null }) {
  if (!relation) return <span className="badge relation relation-none">No relation stated</span>;
  return (
    <span className={`badge relation relation-${relation.toLowerCase()}`} data-relation={relation}>
      {RELATION_LABELS[relation]}
    </span>
  );
}

export function KindBadge({ kind }: { kind: string }) {
  return <span className="badge kind">{kind.replace(/([a-z])([A-Z])/g, "$1 $2")}</span>;
}
