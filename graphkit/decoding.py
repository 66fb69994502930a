r"""A file's bytes → its text, or why they hold none: the reading `graphkit.ingest` gives every article file.

Each reading in turn, the first that answers: a PDF or a ZIP archive is no text (said with the conversion to make); a
byte-order mark names its encoding (UTF-8, UTF-16); bytes holding NUL are UTF-16 without a mark, else binary data;
then UTF-8, else Western European single-byte text (cp1252 / Latin-1, where accented letters are a minority), else the
encoding charset-normalizer finds best. ``(text, encoding, problem)``: text None when the bytes are not text, with
the problem said and what to do.

>>> decode("café".encode("utf-8")), decode("café".encode("latin-1"))
(('café', 'utf-8', None), ('café', 'cp1252', None))
>>> decode(b"\x89PNG\x00\x00\x00\rIHDR\x00\x01\x02")[2]
'binary data (NUL bytes), not text; remove it or convert it to UTF-8 text'
"""

from __future__ import annotations

from typing import Optional


Decoded = tuple[Optional[str], str, Optional[str]]  # decode's answer: (text or None, encoding, problem)


def decode(raw: bytes) -> Decoded:
    """(text, encoding, problem). Text is None when the bytes are not text: each reading in turn, the first that
    answers (a tuple; None: not this one).

    >>> decode("café".encode("latin-1"))[0]
    'café'
    >>> decode(b"%PDF-1.4 binary")[2]
    'a PDF file, not text: convert it to .txt first (e.g. pdftotext)'
    """
    return _container(raw) or _by_bom(raw) or _with_nul_bytes(raw) or _utf8(raw) or _guessed(raw)  # the first answer


def _container(raw: bytes) -> Optional[Decoded]:
    r"""A PDF or a ZIP archive (a .docx, an .odt): not text, said with the conversion to make; else None.

    >>> _container(b"PK\x03\x04...")[2]
    'a ZIP archive (a .docx or .odt?), not text: save it as plain text (.txt) first'
    >>> _container(b"plain text") is None
    True
    """
    if b"%PDF-" in raw[:1024]:  # PDF readers accept the header anywhere in the first 1024 bytes
        return None, "", "a PDF file, not text: convert it to .txt first (e.g. pdftotext)"
    if raw.startswith(b"PK\x03\x04"):
        return None, "", "a ZIP archive (a .docx or .odt?), not text: save it as plain text (.txt) first"
    return None


def _by_bom(raw: bytes) -> Optional[Decoded]:
    r"""The text its byte-order mark names (UTF-8, UTF-16); None without one, or when the bytes do not follow it.

    >>> _by_bom(b"\xef\xbb\xbfcaf\xc3\xa9"), _by_bom("Kyiv".encode("utf-16")), _by_bom(b"no mark")
    (('café', 'utf-8-sig', None), ('Kyiv', 'utf-16', None), None)
    """
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(enc), enc, None
            except UnicodeDecodeError:
                return None
    return None


def _with_nul_bytes(raw: bytes) -> Optional[Decoded]:
    r"""Bytes holding NUL: UTF-16 without a BOM when every other byte is NUL (Latin text), else binary data, said
    so; None when there is no NUL byte.

    >>> _with_nul_bytes("Kyiv".encode("utf-16-le")), _with_nul_bytes(b"text")
    (('Kyiv', 'utf-16-le', None), None)
    >>> _with_nul_bytes(b"\x89PNG\x00\x00\x00\rIHDR\x00\x01\x02")[2]
    'binary data (NUL bytes), not text; remove it or convert it to UTF-8 text'
    """
    if b"\x00" not in raw:
        return None
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    enc = "utf-16-le" if odd > 0.3 * len(raw) / 2 > even else "utf-16-be" if even > 0.3 * len(raw) / 2 > odd else None
    if enc:
        try:
            return raw.decode(enc), enc, None
        except UnicodeDecodeError:
            pass
    return None, "", "binary data (NUL bytes), not text; remove it or convert it to UTF-8 text"


def _utf8(raw: bytes) -> Optional[Decoded]:
    r"""The bytes as UTF-8, else as Western European text (`_western`), else None.

    >>> _utf8("café".encode("utf-8")), _utf8("café".encode("cp1252"))
    (('café', 'utf-8', None), ('café', 'cp1252', None))
    """
    try:
        return raw.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    western = _western(raw)
    return (western, "cp1252", None) if western is not None else None


def _guessed(raw: bytes) -> Decoded:
    """The encoding charset-normalizer finds best, a single-byte Latin one read as cp1252 (or Latin-1); no encoding
    fitting: binary data, said so.

    >>> _guessed("Café crème à la carte, déjà vu, naïve façade".encode("cp1252"))[1:]
    ('cp1252', None)
    """
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        return None, "", "binary data, not text (no text encoding fits); remove it or convert it to UTF-8 text"
    enc = best.encoding
    if enc.startswith(("cp125", "latin", "iso8859", "mac_", "utf_16", "utf_32")) and enc != "cp1251":
        # short Western texts are often mis-guessed among single-byte Latin code pages: cp1252 is the usual one
        for cand in ("cp1252", "latin_1"):
            try:
                return raw.decode(cand), cand, None
            except UnicodeDecodeError:
                continue
    return str(best), enc, None


def _western(raw: bytes) -> Optional[str]:
    """The bytes as Windows-1252/Latin-1 when that reads as Western European text, else None.

    Detectors often mis-guess short Western texts (a Latin-1 'café' as Arabic or Cyrillic code pages). In
    Western text accented letters are a minority of the letters; in Cyrillic or Greek code pages read as
    cp1252 nearly every letter is accented, so those are left to charset-normalizer.

    >>> _western("Le café était fermé".encode("latin-1"))
    'Le café était fermé'
    >>> _western("Лавров заявил".encode("cp1251")) is None
    True
    """
    for enc in ("cp1252", "latin_1"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        return None
    if any("\x80" <= ch <= "\x9f" or (ch < " " and ch not in "\t\n\r\f") for ch in text):
        return None  # C1/C0 control characters: not Western text
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None
    accented = sum(1 for ch in letters if not ch.isascii())
    return text if accented / len(letters) < 0.4 else None
