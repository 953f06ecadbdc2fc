#!/usr/bin/env python3
"""Packages editors/vscode into juesuan-<version>.vsix with no download and no npm.

A .vsix is a zip holding [Content_Types].xml, extension.vsixmanifest and the extension under
extension/. The grammar is copied in from grammar/juesuan.tmLanguage.json.

    python3 scripts/package-vscode.py                 # writes editors/vscode/juesuan-<version>.vsix
    python3 scripts/package-vscode.py --out DIR       # writes DIR/juesuan-<version>.vsix
Install offline:  code --install-extension juesuan-<version>.vsix
"""
import argparse
import json
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
EXT = ROOT / "editors" / "vscode"
GRAMMAR = ROOT / "grammar" / "juesuan.tmLanguage.json"

# what goes into extension/: sources of the extension, never its tests
FILES = ["package.json", "extension.js", "language-configuration.json", "README.md"]
DIRS = ["lib"]

CONTENT_TYPES = {
    ".json": "application/json",
    ".js": "application/javascript",
    ".md": "text/markdown",
    ".txt": "text/plain",
    ".vsixmanifest": "text/xml",
}


def manifest(pkg):
    engine = pkg["engines"]["vscode"]
    tags = ",".join(pkg.get("keywords", []) + ["juesuan", "__ext_juesuan"])
    categories = ",".join(pkg.get("categories", []))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011" xmlns:d="http://schemas.microsoft.com/developer/vsx-schema-design/2011">
  <Metadata>
    <Identity Language="en-US" Id="{escape(pkg['name'])}" Version="{escape(pkg['version'])}" Publisher="{escape(pkg['publisher'])}" />
    <DisplayName>{escape(pkg.get('displayName', pkg['name']))}</DisplayName>
    <Description xml:space="preserve">{escape(pkg.get('description', ''))}</Description>
    <Tags>{escape(tags)}</Tags>
    <Categories>{escape(categories)}</Categories>
    <GalleryFlags>Public</GalleryFlags>
    <Properties>
      <Property Id="Microsoft.VisualStudio.Code.Engine" Value="{escape(engine)}" />
      <Property Id="Microsoft.VisualStudio.Code.ExtensionDependencies" Value="" />
      <Property Id="Microsoft.VisualStudio.Code.ExtensionPack" Value="" />
      <Property Id="Microsoft.VisualStudio.Code.ExtensionKind" Value="workspace" />
      <Property Id="Microsoft.VisualStudio.Code.LocalizedLanguages" Value="" />
    </Properties>
  </Metadata>
  <Installation>
    <InstallationTarget Id="Microsoft.VisualStudio.Code" />
  </Installation>
  <Dependencies />
  <Assets>
    <Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true" />
    <Asset Type="Microsoft.VisualStudio.Services.Content.Details" Path="extension/README.md" Addressable="true" />
  </Assets>
</PackageManifest>
"""


def content_types(names):
    extensions = sorted({Path(n).suffix for n in names if Path(n).suffix})
    defaults = "".join(
        f'<Default Extension="{ext}" ContentType="{CONTENT_TYPES.get(ext, "application/octet-stream")}"/>'
        for ext in extensions)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{defaults}</Types>\n')


def collect():
    """(archive name, bytes) of every file under extension/."""
    entries = []
    for name in FILES:
        entries.append((f"extension/{name}", (EXT / name).read_bytes()))
    for directory in DIRS:
        for path in sorted((EXT / directory).rglob("*")):
            if path.is_file():
                entries.append((f"extension/{path.relative_to(EXT).as_posix()}", path.read_bytes()))
    pkg = json.loads((EXT / "package.json").read_text(encoding="utf-8"))
    for grammar in pkg["contributes"]["grammars"]:
        entries.append(("extension/" + grammar["path"].removeprefix("./"), GRAMMAR.read_bytes()))
    return pkg, entries


def build(out_dir):
    pkg, entries = collect()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{pkg['name']}-{pkg['version']}.vsix"
    names = [name for name, _ in entries] + ["extension.vsixmanifest"]
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        # a fixed timestamp keeps the package reproducible
        def add(name, data):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
        add("[Content_Types].xml", content_types(names).encode("utf-8"))
        add("extension.vsixmanifest", manifest(pkg).encode("utf-8"))
        for name, data in entries:
            add(name, data)
    return target


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=EXT, help="directory for the .vsix (default editors/vscode)")
    args = parser.parse_args()
    target = build(args.out.resolve())
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
