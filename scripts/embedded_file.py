"""Writes a data file the binary embeds with `.incbin`, and the stamp header beside it that
its assembly file includes: the build system does not see `.incbin`, so a new file must
change the header for the build to reassemble (and the assembler checks the size)."""

import hashlib
import os


def write(path, data, macro, assembly):
    """Writes `data` to `path`, then `<assembly stem>_stamp.h` in the same folder defining
    `<macro>_SIZE` and `<macro>_SHA256`."""
    with open(path, "wb") as handle:
        handle.write(data)
    stem = os.path.splitext(assembly)[0]
    stamp = os.path.join(os.path.dirname(path), f"{stem}_stamp.h")
    with open(stamp, "w", encoding="utf-8") as handle:
        handle.write(
            f"// Written with {os.path.basename(path)} (scripts/embedded_file.py): a new file\n"
            f"// changes this header, which makes the build reassemble {assembly}.\n"
            f"#define {macro}_SIZE {len(data)}\n"
            f'#define {macro}_SHA256 "{hashlib.sha256(data).hexdigest()}"\n'
        )
