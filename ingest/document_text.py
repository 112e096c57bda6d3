"""A document's text, which every quote of its contribution is checked against: plain text
(UTF-8) or PDF (text extracted by pypdf)."""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from ingest.errors import InputError, Where
from smekg.quotes import SourceText


@dataclass(frozen=True)
class DocumentText:
    name: str
    sha256: str
    text: SourceText


def read_text(path: Path) -> DocumentText:
    """The text of `path` (.txt or .pdf); its hash is of the file's bytes."""
    where = Where(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the document's text: {exc.strerror}", where) from exc
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        try:
            pages = [page.extract_text() or "" for page in PdfReader(path).pages]
        except (PdfReadError, OSError, ValueError) as exc:
            raise InputError(f"cannot read the PDF: {exc}", where) from exc
        raw = "\n\n".join(pages)
        if not raw.strip():
            raise InputError("the PDF has no extractable text (a scan? give a .txt instead)", where)
    elif suffix in (".txt", ".text", ".md"):
        try:
            raw = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"not UTF-8 (byte {exc.start}): save the text as UTF-8", where
            ) from exc
    else:
        raise InputError("the document's text must be a .txt (UTF-8) or .pdf file", where)
    return DocumentText(path.name, hashlib.sha256(data).hexdigest(), SourceText.of(raw))
