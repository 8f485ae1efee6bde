# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Digital signatures of the issued documents with pyHanko (PAdES), without the database.

- ``verify_upload`` judges a signed PDF that a signer brings back: its first revision must be
  the document the module issued (byte for byte), every signature in it intact and covering the
  revision it signs, every later change limited to signing (no content changed since the
  document was issued), the signer's certificate chained to a trusted root; it tells who signed
  (the certificate's subject and its identifiers) and when.
- ``sign`` adds a signature (the issuing body's, with its visible seal) as an incremental
  update, with a signer loaded by ``pkcs12_signer`` (a PKCS#12 file and its passphrase) or
  ``pkcs11_signer`` (a token: a PKCS#11 module, a token label or slot, a key label, a PIN).

Refusals are ``SignatureProblem`` with a ``code``; the model turns each code into a message in
the user's language.
"""

import contextlib
import io
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime

from asn1crypto import keys as asn1_keys
from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.pdf_utils import layout, text
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.diff_analysis import (
    DEFAULT_DIFF_POLICY,
    DiffResult,
    FormUpdatingRule,
    GenericFieldModificationRule,
    ModificationLevel,
    SigFieldCreationRule,
    SigFieldModificationRule,
    StandardDiffPolicy,
)
from pyhanko.sign.diff_analysis.constants import ACROFORM_EXEMPT_STRICT_COMPARISON
from pyhanko.sign.general import SigningError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from .pdf_format import FONT_FILE

_logger = logging.getLogger(__name__)

# A signature of a person or of a body: either usage of the key is a signature.
KEY_USAGE = KeyUsageConstraints(
    key_usage={"non_repudiation", "digital_signature"}, match_all_key_usages=False
)
# What may happen to the issued document after it was issued: signing (filling and adding
# signature fields, their appearance) and keeping the signatures valid (revocation data,
# document timestamps). Any other change is a change of the document.
ALLOWED_CHANGES = ModificationLevel.FORM_FILLING
# Attributes of a certificate's subject that carry a person's identifier in Vietnamese
# certificates: UID (0.9.2342.19200300.100.1.1, e.g. "CCCD:038090001234") and serialNumber.
# pyHanko's rules of what signing may change, judged from the issued (unsigned) revision: the
# first signature also sets the flags of the form (/SigFlags: signatures exist, append only).
ISSUED_DOCUMENT_POLICY = StandardDiffPolicy(
    global_rules=DEFAULT_DIFF_POLICY.global_rules,
    form_rule=FormUpdatingRule(
        field_rules=[SigFieldCreationRule(), SigFieldModificationRule(), GenericFieldModificationRule()],
        ignored_acroform_keys=ACROFORM_EXEMPT_STRICT_COMPARISON | {"/SigFlags"},
    ),
)
IDENTIFIER_ATTRIBUTES = ("user_id", "serial_number")
# Prefixes of the identifiers (citizen identity card, old identity card, passport, tax code).
IDENTIFIER_PREFIX = re.compile(r"^(CCCD|CMND|CMT|HC|HCHIEU|MST|PASSPORT|ID)[:\-]", re.IGNORECASE)

# Codes of the refusals (SignatureProblem.code).
NOT_A_PDF = "not_a_pdf"
UNSIGNED = "unsigned"
OTHER_DOCUMENT = "other_document"
ALTERED = "altered"
INVALID = "invalid"
UNTRUSTED = "untrusted"


class SignatureProblem(Exception):
    """A file that is not the issued document signed as it should be: ``code`` says why."""

    def __init__(self, code, detail=""):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


@dataclass
class SignatureInfo:
    """Who signed and when, as one signature of a PDF says it."""

    field_name: str
    subject: str
    common_name: str
    organisation: str
    identifiers: list
    serial: str
    issuer: str
    fingerprint: str
    signing_time: datetime | None
    trusted: bool


@dataclass
class Verification:
    """The signatures of a verified PDF, first applied first."""

    signatures: list = field(default_factory=list)


# ------------------------------------------------------------
# CERTIFICATES
# ------------------------------------------------------------


def load_certificates(content):
    """The X.509 certificates of ``content`` (DER, or PEM with one or more certificates)."""
    if pem.detect(content):
        return [asn1_x509.Certificate.load(der) for __, __, der in pem.unarmor(content, multiple=True)]
    return [asn1_x509.Certificate.load(content)]


def certificate_summary(certificate):
    """``{subject, common_name, organisation, identifiers, serial, issuer, fingerprint, not_before,
    not_after}`` of an asn1crypto certificate."""
    subject = certificate.subject.native
    return {
        "subject": certificate.subject.human_friendly,
        "common_name": subject.get("common_name", ""),
        "organisation": subject.get("organization_name", ""),
        "identifiers": [str(subject[key]) for key in IDENTIFIER_ATTRIBUTES if subject.get(key)],
        "serial": f"{certificate.serial_number:X}",
        "issuer": certificate.issuer.human_friendly,
        "fingerprint": certificate.sha256.hex().upper(),
        "not_before": certificate.not_valid_before,
        "not_after": certificate.not_valid_after,
    }


def normalize_identifier(value):
    """An identifier as compared: upper case, no spaces, without its kind (``CCCD:``…)."""
    value = re.sub(r"\s+", "", str(value or "")).upper()
    return IDENTIFIER_PREFIX.sub("", value)


def identifier_matches(expected, identifiers):
    """Whether the identifier the Department recorded for a user is one of ``identifiers`` (those
    of a certificate's subject), with or without its kind."""
    wanted = normalize_identifier(expected)
    return bool(wanted) and any(normalize_identifier(value) == wanted for value in identifiers)


# ------------------------------------------------------------
# VERIFYING A SIGNED UPLOAD
# ------------------------------------------------------------


def verify_upload(content, issued, trust_roots, allow_fetching=False):
    """Judge ``content``, a signed PDF brought back for the document ``issued`` (bytes): raise
    ``SignatureProblem`` or return a ``Verification``. ``trust_roots``: asn1crypto
    certificates."""
    try:
        reader = PdfFileReader(io.BytesIO(content), strict=False)
        signatures = reader.embedded_regular_signatures
    except (PdfError, ValueError, KeyError, TypeError) as error:
        raise SignatureProblem(NOT_A_PDF, str(error)) from error
    if not signatures:
        raise SignatureProblem(UNSIGNED)
    if not content.startswith(issued):
        # A signature adds to the document; the bytes it was given stay the first revision.
        raise SignatureProblem(OTHER_DOCUMENT)
    verification = Verification()
    for signature in signatures:
        verification.signatures.append(_verify_signature(signature, trust_roots, allow_fetching))
    # Since the document was issued (its first revision), only signing happened.
    _check_changes_since(reader, 0)
    return verification


def verify_file(content, trust_roots, allow_fetching=False):
    """The signatures of a stored signed PDF, judged again (``SignatureProblem`` if one fails)."""
    reader = PdfFileReader(io.BytesIO(content), strict=False)
    signatures = reader.embedded_regular_signatures
    if not signatures:
        raise SignatureProblem(UNSIGNED)
    verification = Verification(
        [_verify_signature(signature, trust_roots, allow_fetching) for signature in signatures]
    )
    _check_changes_since(reader, 0)
    return verification


def _verify_signature(signature, trust_roots, allow_fetching):
    context = ValidationContext(
        trust_roots=list(trust_roots),
        allow_fetching=allow_fetching,
        revocation_mode="soft-fail",
    )
    try:
        status = validate_pdf_signature(signature, context, key_usage_settings=KEY_USAGE)
    except (SignatureValidationError, ValueError) as error:
        raise SignatureProblem(INVALID, str(error)) from error
    if not (status.intact and status.valid):
        raise SignatureProblem(ALTERED, "the signed bytes do not match the signature")
    if status.coverage < SignatureCoverageLevel.ENTIRE_REVISION or not (
        status.docmdp_ok or status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    ):
        raise SignatureProblem(ALTERED, "the document was changed after this signature")
    summary = certificate_summary(status.signing_cert)
    if not status.trusted:
        raise SignatureProblem(
            UNTRUSTED, f"{summary['subject']}: {status.trust_problem_indic or 'no path to a trusted root'}"
        )
    moment = status.signer_reported_dt
    if status.timestamp_validity is not None and status.timestamp_validity.trusted:
        moment = status.timestamp_validity.timestamp
    return SignatureInfo(
        field_name=signature.field_name,
        subject=summary["subject"],
        common_name=summary["common_name"],
        organisation=summary["organisation"],
        identifiers=summary["identifiers"],
        serial=summary["serial"],
        issuer=summary["issuer"],
        fingerprint=summary["fingerprint"],
        signing_time=moment,
        trusted=True,
    )


def _check_changes_since(reader, revision):
    """Raise ``ALTERED`` when a revision after ``revision`` changed more than signing does."""
    if reader.xrefs.total_revisions <= revision + 1:
        return
    result = ISSUED_DOCUMENT_POLICY.review_file(reader, revision)
    if not isinstance(result, DiffResult) or result.modification_level > ALLOWED_CHANGES:
        raise SignatureProblem(ALTERED, "the content changed since the document was issued")


# ------------------------------------------------------------
# SIGNING FOR THE BODY
# ------------------------------------------------------------


def pkcs12_signer(content, passphrase):
    """A pyHanko signer of the key and certificate of a PKCS#12 file (``content``: bytes)."""
    try:
        key, certificate, others = pkcs12.load_key_and_certificates(
            content, passphrase.encode() if passphrase else None
        )
    except (ValueError, TypeError) as error:
        raise SigningError("the PKCS#12 file cannot be opened with this passphrase") from error
    if key is None or certificate is None:
        raise SigningError("the PKCS#12 file holds no key and certificate")
    key_info = asn1_keys.PrivateKeyInfo.load(
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    store = SimpleCertificateStore()
    store.register_multiple(
        asn1_x509.Certificate.load(other.public_bytes(serialization.Encoding.DER)) for other in others or ()
    )
    return signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER)),
        signing_key=key_info,
        cert_registry=store,
    )


@contextlib.contextmanager
def pkcs11_signer(module, pin, key_label, token_label=None, slot=None):
    """A pyHanko signer of a key on a PKCS#11 token, for the time of the ``with`` block."""
    from pyhanko.sign import pkcs11 as pyhanko_pkcs11

    criteria = pyhanko_pkcs11.TokenCriteria(label=token_label) if token_label else None
    session = pyhanko_pkcs11.open_pkcs11_session(
        module, slot_no=slot if slot not in (None, False, -1) else None, token_criteria=criteria, user_pin=pin
    )
    try:
        yield pyhanko_pkcs11.PKCS11Signer(session, cert_label=key_label, key_label=key_label)
    finally:
        session.close()


def seal_style(lines, image=None):
    """The visible signature of the body: its seal (a PNG, when given) and ``lines`` of text
    (the body's name, the time of signing), in Liberation Serif."""
    background = None
    if image:
        from PIL import Image

        background = PdfImage(Image.open(io.BytesIO(image)))
    return TextStampStyle(
        border_width=0,
        background=background,
        background_opacity=1.0,
        stamp_text="\n".join(line.replace("%", "%%") for line in lines),
        text_box_style=text.TextBoxStyle(
            font=GlyphAccumulatorFactory(FONT_FILE, font_size=7), font_size=7, border_width=0
        ),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT,
        ),
    )


def sign(content, signer, field_name, page, box, lines, image=None, name=None, location=None, reason=None):
    """``content`` with a PAdES signature of ``signer`` in a new field ``field_name`` on ``page``
    (``box``: x1, y1, x2, y2), whose appearance is ``seal_style(lines, image)``."""
    writer = IncrementalPdfFileWriter(io.BytesIO(content), strict=False)
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=name,
        location=location,
        reason=reason,
    )
    pdf_signer = signers.PdfSigner(
        metadata,
        signer=signer,
        stamp_style=seal_style(lines, image),
        new_field_spec=fields.SigFieldSpec(sig_field_name=field_name, on_page=page, box=tuple(box)),
    )
    output = io.BytesIO()
    pdf_signer.sign_pdf(writer, output=output)
    return output.getvalue()


def person_box(content, field_name):
    """``(page index, (x1, y1, x2, y2))`` of the signature field ``field_name`` of a PDF; without
    such a field, a place at the bottom of the last page."""
    reader = PdfFileReader(io.BytesIO(content), strict=False)
    count = int(reader.root["/Pages"]["/Count"])
    pages = [reader.find_page_for_modification(index)[0].reference for index in range(count)]
    for name, __, field_ref in fields.enumerate_sig_fields(reader):
        if name != field_name:
            continue
        field_object = field_ref.get_object()
        widget = field_object if "/Rect" in field_object else field_object["/Kids"][0].get_object()
        x1, y1, x2, y2 = (float(value) for value in widget["/Rect"])
        page = widget.raw_get("/P") if "/P" in widget else None
        index = pages.index(page.reference) if page is not None and page.reference in pages else count - 1
        return index, (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
    return count - 1, (300, 150, 450, 210)


def signature_fields(content):
    """``{name: filled}`` of the signature fields of a PDF."""
    reader = PdfFileReader(io.BytesIO(content), strict=False)
    return {name: value is not None for name, value, __ in fields.enumerate_sig_fields(reader)}
