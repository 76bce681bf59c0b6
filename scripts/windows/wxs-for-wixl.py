#!/usr/bin/env python3
"""Derives, from packaging/windows/main.wxs (the one WiX source, built by WiX 3.14 with
cargo-wix on the release runner), the source that msitools' `wixl` can build on Linux.

wixl implements a subset of WiX 3. What this drops or rewrites, and why:
- the optional "Add to PATH" feature: wixl has no `Environment` element (the .msi built here
  then has no PATH entry; the release .msi does);
- the `<UI>` dialogs: wixl ships no WixUI library (the .msi built here installs silently,
  which is how scripts/check-windows installs it anyway);
- `SetProperty` (the install folder shown in "Apps & features"): wixl does not know it;
- backslashes in `Source`/`SourceFile` paths: wixl runs on Linux.
Everything else (product, version, upgrade code, component GUIDs, the Start menu shortcut,
the icon) is taken as it is, so checking this .msi checks the release one's tables.

Usage: wxs-for-wixl.py main.wxs > wixl.wxs
"""
import sys
import xml.etree.ElementTree as ET

NS = "http://schemas.microsoft.com/wix/2006/wi"
ET.register_namespace("", NS)


def tag(name):
    return f"{{{NS}}}{name}"


def main(path):
    tree = ET.parse(path)
    root = tree.getroot()
    parents = {child: parent for parent in root.iter() for child in parent}
    path_components = set()
    for environment in list(root.iter(tag("Environment"))):
        component = parents[environment]
        path_components.add(component.get("Id"))
        parents[component].remove(component)
    for feature in list(root.iter(tag("Feature"))):
        refs = [ref.get("Id") for ref in feature.findall(tag("ComponentRef"))]
        if refs and set(refs) <= path_components:
            parents[feature].remove(feature)
    for unsupported in ("UI", "SetProperty"):
        for element in list(root.iter(tag(unsupported))):
            parents[element].remove(element)
    for element in root.iter():
        for attribute in ("Source", "SourceFile"):
            value = element.get(attribute)
            if value:
                element.set(attribute, value.replace("\\", "/"))
    missing = [ref.get("Id") for ref in root.iter(tag("ComponentRef")) if ref.get("Id") in path_components]
    if missing:
        sys.exit(f"wxs-for-wixl: components still referenced after removal: {missing}")
    tree.write(sys.stdout.buffer, encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    main(sys.argv[1])
