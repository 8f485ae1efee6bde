# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A certificate authority made in the test, as Vietnamese certificates are made (no network).

``SigningCA`` issues, under a root of its own, the certificates of people (their name as common
name, their identity number as ``UID=CCCD:…``, the usages of a signature) and of bodies, and
wraps a key and its certificate in a PKCS#12 file. Plain ``cryptography``: no database.
"""

import datetime
import io
import os
import subprocess
import tempfile

from cryptography import x509
from cryptography.hazmat.backends import default_backend
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

from ..tools import pdf_signature

UID = x509.ObjectIdentifier("0.9.2342.19200300.100.1.1")
VALID_FROM = datetime.datetime(2025, 1, 1)
VALID_TO = datetime.datetime(2035, 1, 1)


def _key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048, backend=default_backend())


class SigningCA:
    def __init__(self, name="CA thử nghiệm Sở Y tế"):
        self.key = _key()
        subject = x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Kiểm thử"),
                x509.NameAttribute(NameOID.COMMON_NAME, name),
            ]
        )
        self.certificate = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(VALID_FROM)
            .not_valid_after(VALID_TO)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=False,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256(), default_backend())
        )

    @property
    def pem(self):
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    @property
    def der(self):
        return self.certificate.public_bytes(serialization.Encoding.DER)

    def issue(self, common_name, identifier=None, organisation="Sở Y tế Thanh Hóa", public_key=None):
        """``(key, certificate)`` of a signer: a person (``identifier``: ``CCCD:…``) or a body.
        With ``public_key``, the key is elsewhere (a token) and ``key`` is None."""
        key = None if public_key else _key()
        attributes = [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.LOCALITY_NAME, "Thanh Hóa"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
        if identifier:
            attributes.append(x509.NameAttribute(UID, identifier))
        public_key = public_key or key.public_key()
        certificate = (
            x509.CertificateBuilder()
            .subject_name(x509.Name(attributes))
            .issuer_name(self.certificate.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(VALID_FROM)
            .not_valid_after(VALID_TO)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=True,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False
            )
            .sign(self.key, hashes.SHA256(), default_backend())
        )
        return key, certificate

    def pkcs12(self, key, certificate, passphrase):
        """A PKCS#12 file (bytes) of ``key`` and ``certificate`` with the CA's certificate."""
        return pkcs12.serialize_key_and_certificates(
            name=b"signer",
            key=key,
            cert=certificate,
            cas=[self.certificate],
            encryption_algorithm=serialization.BestAvailableEncryption(passphrase.encode()),
        )

    def signer(self, key, certificate):
        """A pyHanko signer of ``key`` (as the signer's own tool would sign)."""
        return pdf_signature.pkcs12_signer(self.pkcs12(key, certificate, "tool"), "tool")


_SHARED = {}


def shared_ca():
    """The test CA of the process (a token made on its first use keeps its certificate)."""
    if "ca" not in _SHARED:
        _SHARED["ca"] = SigningCA()
    return _SHARED["ca"]


def sign_as_tool(content, signer, field_name="NguoiKy"):
    """``content`` signed by ``signer`` in its field ``field_name``, as a signer's tool signs a
    PDF: an incremental update, PAdES, the field the document offers."""
    writer = IncrementalPdfFileWriter(io.BytesIO(content), strict=False)
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES
    )
    output = io.BytesIO()
    signers.PdfSigner(metadata, signer=signer).sign_pdf(writer, output=output)
    return output.getvalue()


# ------------------------------------------------------------
# A TOKEN (SoftHSM2, Debian's softhsm2)
# ------------------------------------------------------------

SOFTHSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so"
TOKEN_LABEL = "GEP-SYT"
TOKEN_PIN = "1234"
_TOKEN = {}


def softhsm_token(common_name, key_label="body"):
    """A SoftHSM2 token holding a key made on the token and its certificate issued by the shared
    test CA:
    ``{"module", "token", "pin", "label"}``. SoftHSM reads its tokens when the PKCS#11 library is
    first loaded: the token is made once per process, in a directory of its own."""
    if _TOKEN:
        return _TOKEN
    import pkcs11
    from cryptography.hazmat.primitives.asymmetric import rsa as rsa_keys
    from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass

    directory = tempfile.mkdtemp(prefix="gep-softhsm-")
    os.makedirs(os.path.join(directory, "tokens"))
    config = os.path.join(directory, "softhsm2.conf")
    with open(config, "w", encoding="utf-8") as file:
        file.write(
            f"directories.tokendir = {directory}/tokens\nobjectstore.backend = file\nlog.level = ERROR\n"
        )
    os.environ["SOFTHSM2_CONF"] = config
    subprocess.run(
        [
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            TOKEN_LABEL,
            "--pin",
            TOKEN_PIN,
            "--so-pin",
            "5678",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    token = pkcs11.lib(SOFTHSM_MODULE).get_token(token_label=TOKEN_LABEL)
    with token.open(rw=True, user_pin=TOKEN_PIN) as session:
        public, __ = session.generate_keypair(KeyType.RSA, 2048, label=key_label, id=b"\x01", store=True)
        numbers = rsa_keys.RSAPublicNumbers(
            int.from_bytes(public[Attribute.PUBLIC_EXPONENT], "big"),
            int.from_bytes(public[Attribute.MODULUS], "big"),
        )
        __, certificate = shared_ca().issue(common_name, public_key=numbers.public_key(default_backend()))
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.LABEL: key_label,
                Attribute.ID: b"\x01",
                Attribute.SUBJECT: certificate.subject.public_bytes(default_backend()),
                Attribute.VALUE: certificate.public_bytes(serialization.Encoding.DER),
            }
        )
    _TOKEN.update({"module": SOFTHSM_MODULE, "token": TOKEN_LABEL, "pin": TOKEN_PIN, "label": key_label})
    return _TOKEN
