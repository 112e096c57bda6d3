"""Root fields on the evidence: a prediction traced to findings, and the evidence map."""

from typing import Annotated

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.errors import guarded, ids, not_found
from api.graphql.mapping import assemble, records
from api.graphql.types.composites import EvidenceChain, EvidenceMapCell


@strawberry.type
class EvidenceQuery:
    @strawberry.field(description="A prediction traced to its findings, studies and sources.")
    async def evidence_chain(
        self,
        info: Info[Context, None],
        prediction: strawberry.ID,
        exclude_corrected: Annotated[
            bool,
            strawberry.argument(
                description="Leave out findings about studies since retracted or corrected."
            ),
        ] = False,
    ) -> EvidenceChain:
        rows = await guarded(
            info.context.repository.read, "get_evidence_chain", prediction=str(prediction)
        )
        if not rows:
            raise not_found("prediction", [str(prediction)])
        chain = rows[0]
        loaders = info.context.loaders
        finding_ids = sorted({x["finding"] for x in chain["linked"] + chain["thematic"]})
        findings = dict(zip(finding_ids, await loaders.finding.load_many(finding_ids), strict=True))
        documents = await guarded(
            info.context.repository.read, "get_documents", iris=sorted(set(chain["documents"]))
        )
        items = assemble.evidence_items(chain, findings)
        return EvidenceChain(
            prediction=await loaders.prediction.load(str(prediction)),
            findings=[i for i in items if not (exclude_corrected and i.finding.corrections)],
            documents=[records.document(d["row"]) for d in documents],
        )

    @strawberry.field(
        description="Evidence counts per perspective and theme (an evidence gap map)."
    )
    async def evidence_map(
        self,
        info: Info[Context, None],
        perspectives: list[strawberry.ID] | None = None,
        themes: list[strawberry.ID] | None = None,
        exclude_corrected: Annotated[
            bool,
            strawberry.argument(
                description="Leave findings about studies since retracted or corrected out of "
                "the counts."
            ),
        ] = False,
    ) -> list[EvidenceMapCell]:
        wanted_p, wanted_t = ids(perspectives), ids(themes)
        rows = await guarded(
            info.context.repository.read, "get_evidence_map", perspectives=wanted_p, themes=wanted_t
        )
        loaders = info.context.loaders
        await loaders.perspective.load_many(wanted_p or [])  # unknown ids raise NOT_FOUND
        await loaders.theme.load_many(wanted_t or [])
        cells = []
        for row in rows:
            cells.append(
                assemble.evidence_map_cell(
                    row,
                    await loaders.perspective.load(row["perspective"]),
                    await loaders.theme.load(row["theme"]),
                    exclude_corrected,
                )
            )
        return cells
