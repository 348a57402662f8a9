"""Wrappers around the external encoders (GDCM's gdcmconv, OpenJPH's ojph_compress) and the
decoders used to verify their output."""

import os
import struct
import subprocess
import tempfile

import numpy as np
import pydicom
from pydicom import _uid_dict

HTJ2K_LOSSLESS = "1.2.840.10008.1.2.4.201"
HTJ2K_LOSSLESS_RPCL = "1.2.840.10008.1.2.4.202"
HTJ2K_LOSSY = "1.2.840.10008.1.2.4.203"


def register_htj2k_uids():
    """pydicom 2.3.1 predates HTJ2K; without these rows it cannot name or write the syntaxes."""
    rows = {
        HTJ2K_LOSSLESS: "High-Throughput JPEG 2000 Image Compression (Lossless Only)",
        HTJ2K_LOSSLESS_RPCL: "High-Throughput JPEG 2000 with RPCL Options Image Compression "
                             "(Lossless Only)",
        HTJ2K_LOSSY: "High-Throughput JPEG 2000 Image Compression",
    }
    keywords = {HTJ2K_LOSSLESS: "HTJ2KLossless", HTJ2K_LOSSLESS_RPCL: "HTJ2KLosslessRPCL",
                HTJ2K_LOSSY: "HTJ2K"}
    for uid, name in rows.items():
        _uid_dict.UID_dictionary.setdefault(uid, (name, "Transfer Syntax", "", "",
                                                  keywords[uid]))


def run(args):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def gdcm_convert(src, dst, options):
    run(["gdcmconv", "--quiet", *options, src, dst])


def gdcm_decode(path):
    """Pixels as GDCM (and so the viewer's OpenJPEG/CharLS stack) decodes them."""
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, "raw.dcm")
        gdcm_convert(path, raw, ["--raw", "--explicit"])
        return pydicom.dcmread(raw).pixel_array


# ---------------------------------------------------------------------------------------
# HTJ2K: ojph_compress reads PGM and writes a raw codestream (.j2c).

def write_pgm(path, pixels, max_value):
    header = f"P5\n{pixels.shape[1]} {pixels.shape[0]}\n{max_value}\n".encode("ascii")
    body = pixels.astype(">u2" if max_value > 255 else "u1").tobytes()
    with open(path, "wb") as f:
        f.write(header + body)


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields = data.split(maxsplit=4)
    width, height, max_value = int(fields[1]), int(fields[2]), int(fields[3])
    dtype = ">u2" if max_value > 255 else "u1"
    size = width * height * np.dtype(dtype).itemsize
    return np.frombuffer(data[len(data) - size:], dtype=dtype).reshape(height, width)


def htj2k_encode(pixels, bits_stored, options):
    """Encode one grey frame; returns the codestream bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        pgm, j2c = os.path.join(tmp, "in.pgm"), os.path.join(tmp, "out.j2c")
        write_pgm(pgm, pixels, (1 << bits_stored) - 1)
        run(["ojph_compress", "-i", pgm, "-o", j2c, *options])
        with open(j2c, "rb") as f:
            return f.read()


def htj2k_decode(codestream):
    with tempfile.TemporaryDirectory() as tmp:
        j2c, pgm = os.path.join(tmp, "in.j2c"), os.path.join(tmp, "out.pgm")
        with open(j2c, "wb") as f:
            f.write(codestream)
        run(["ojph_expand", "-i", j2c, "-o", pgm])
        return read_pgm(pgm)


def add_tlm_marker(codestream):
    """Insert a TLM marker segment, which the RPCL HTJ2K syntax (.202) requires and this
    ojph_compress cannot write. Tile-part lengths are read from the SOT segments."""
    pos = 2  # after SOC
    while codestream[pos:pos + 2] != b"\xff\x90":  # main header ends at the first SOT
        (length,) = struct.unpack(">H", codestream[pos + 2:pos + 4])
        pos += 2 + length
    first_sot = pos
    lengths = []
    while codestream[pos:pos + 2] == b"\xff\x90":
        (psot,) = struct.unpack(">I", codestream[pos + 6:pos + 10])
        if psot == 0:  # last tile-part runs to EOC
            psot = len(codestream) - 2 - pos
        lengths.append(psot)
        pos += psot
    # Ztlm 0; Stlm 0x40: no tile index (tile-parts in order), 32-bit lengths.
    body = struct.pack(">BB", 0, 0x40) + b"".join(struct.pack(">I", n) for n in lengths)
    tlm = b"\xff\x55" + struct.pack(">H", 2 + len(body)) + body
    return codestream[:first_sot] + tlm + codestream[first_sot:]
