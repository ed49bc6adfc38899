"""The WeChat Pay sandbox's keys when it runs on its own (`python -m api.wechat.pay_sandbox`, or mounted for the
quick start by api/wechat/pay_setup.py): a platform key pair and an APIv3 key kept in a directory."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa

from api.wechat.pay_crypto import generate_keypair, load_private_key, load_public_key, public_key_pem, random_nonce


def public_key_serial(public_key: rsa.RSAPublicKey) -> str:
    """A stable serial for a platform public key, shaped like WeChat's "PUB_KEY_ID_…" ids."""
    return "PUB_KEY_ID_" + hashlib.sha256(public_key_pem(public_key)).hexdigest()[:32].upper()


@dataclass(frozen=True)
class SandboxKeys:
    platform_private_key: rsa.RSAPrivateKey
    public_key_path: Path
    serial: str
    apiv3_key: bytes


def ensure_sandbox_keys(keys_dir: Path) -> SandboxKeys:
    """Reuse the platform key pair and APIv3 key in keys_dir, creating them the first time."""
    keys_dir.mkdir(parents=True, exist_ok=True)
    private_path, public_path = keys_dir / "platform_private_key.pem", keys_dir / "platform_public_key.pem"
    apiv3_path = keys_dir / "apiv3_key.txt"
    if not private_path.exists() or not public_path.exists():
        private_pem, public_pem = generate_keypair()
        _write_secret(private_path, private_pem)
        public_path.write_bytes(public_pem)
    if not apiv3_path.exists():
        _write_secret(apiv3_path, random_nonce(32).encode())  # like WeChat's: 32 ASCII characters
    apiv3_key = apiv3_path.read_bytes().strip()
    serial = public_key_serial(load_public_key(public_path.read_bytes()))
    private_key = load_private_key(private_path.read_bytes(), made_here=True)  # generated above, on first run
    return SandboxKeys(private_key, public_path.resolve(), serial, apiv3_key)


def _write_secret(path: Path, data: bytes) -> None:
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_bytes(data)
