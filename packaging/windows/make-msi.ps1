# Builds target\dist\wedocod-console-<version>-x86_64.msi on a 64-bit Windows machine.
# Needs the Rust toolchain (MSVC), the Windows SDK (rc.exe embeds the icon, build.rs) and the
# WiX Toolset 3.14 (candle.exe and light.exe; cargo-wix finds it through %WIX%).
# Run from the repository root: powershell -ExecutionPolicy Bypass -File packaging\windows\make-msi.ps1
$ErrorActionPreference = "Stop"

function Invoke-Checked {
    & $args[0] $args[1..($args.Count - 1)]
    if ($LASTEXITCODE -ne 0) { throw "failed ($LASTEXITCODE): $args" }
}

if (-not $env:WIX) { throw "WiX Toolset 3 not found: install it (choco install wixtoolset) and reopen the terminal" }
if (-not (Get-Command cargo-wix -ErrorAction SilentlyContinue)) {
    Invoke-Checked cargo install --locked cargo-wix
}

# The same binary as the Linux packages: installer profile, wgpu with the tiny-skia fallback.
Invoke-Checked cargo build --locked --profile installer --features wgpu --bin wedocod-console

$version = ((cargo metadata --no-deps --format-version 1 | ConvertFrom-Json).packages | Where-Object name -eq 'wedocod-console').version
New-Item -ItemType Directory -Force target\dist | Out-Null
# [package.metadata.wix] names the source (packaging\windows\main.wxs) and the profile.
Invoke-Checked cargo wix --no-build --nocapture --output "target\dist\wedocod-console-$version-x86_64.msi"

Get-ChildItem target\installer\wedocod-console.exe, "target\dist\wedocod-console-$version-x86_64.msi" |
    ForEach-Object { "{0,-60} {1,8:N1} MiB" -f $_.FullName, ($_.Length / 1MB) }
